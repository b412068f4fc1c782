// Small helpers every Corpus Lens webview page uses: the VS Code API, elements, announcements.
/// <reference types="vscode-webview" />

export const host = acquireVsCodeApi();

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** An element with attributes (`on…` keys become listeners) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | undefined | false)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') e.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'text') e.textContent = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== false) e.append(c);
  return e;
}

let live: HTMLElement | undefined;

/** Says `text` to screen readers (a polite live region), without showing it. */
export function announce(text: string): void {
  live ??= document.body.appendChild(el('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' }));
  live.textContent = text;
}

/** A tooltip that follows the pointer (or a focused element), inside the page. */
export class Tooltip {
  private readonly node = document.body.appendChild(el('div', { class: 'tooltip', role: 'tooltip', hidden: true }));

  show(content: string | Node, x: number, y: number): void {
    this.node.replaceChildren(content);
    this.node.hidden = false;
    const r = this.node.getBoundingClientRect();
    const left = Math.min(window.innerWidth - r.width - 8, x + 12);
    const top = y + 16 + r.height > window.innerHeight ? y - r.height - 8 : y + 16;
    this.node.style.left = `${Math.max(4, left)}px`;
    this.node.style.top = `${Math.max(4, top)}px`;
  }

  /** Shows the tooltip beside an element (keyboard focus). */
  showAt(content: string | Node, target: Element): void {
    const r = target.getBoundingClientRect();
    this.show(content, r.right, r.top);
  }

  hide(): void {
    this.node.hidden = true;
  }
}

/** Formats a count the way the page's language does. */
export function count(n: number): string {
  return n.toLocaleString(document.documentElement.lang || undefined);
}

/** The theme colour of a mention kind (the extension's highlight colours, with a chart colour for kinds without one). */
export function kindColor(kind: string | undefined): string {
  const fallback: Record<string, string> = { speaker: '--vscode-charts-blue', person: '--vscode-charts-purple', place: '--vscode-charts-green', date: '--vscode-charts-yellow', organization: '--vscode-charts-orange' };
  const k = kind ?? 'person';
  return `var(--vscode-corpusLens-${k}Ruler, var(${fallback[k] ?? '--vscode-charts-foreground'}))`;
}
