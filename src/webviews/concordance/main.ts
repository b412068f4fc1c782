// The Concordance page: a search bar, keyword-in-context lines aligned on the match, sorts, counts
// per document, selection for tagging, Export…. Talks to the extension through protocol.ts.
import '../shared/base.css';
import './style.css';
import { countByDocument, sortKwic, type KwicLine, type KwicSort } from '../../core/analysis/concordance';
import { announce, count, el, host } from '../shared/dom';
import type { ConcordanceFromHost, ConcordanceToHost, SearchRequest } from './protocol';

interface State {
  mode: SearchRequest['mode'];
  pattern: string;
  caseSensitive: boolean;
  sort: KwicSort;
  request?: SearchRequest;
  counts: boolean;
  onlyDoc?: string;
}

const send = (m: ConcordanceToHost) => host.postMessage(m);
const state: State = { mode: 'word', pattern: '', caseSensitive: false, sort: 'document', counts: false, ...(host.getState() as Partial<State> | undefined) };
const save = () => host.setState(state);

let lines: KwicLine[] = [];
const docs = new Map<string, { date?: string; file: string }>();
const selected = new Set<KwicLine>();
let active = -1;
let shown: KwicLine[] = [];
let anchor = -1;
let running = false;

// ── toolbar ──
const mode = el('select', { 'aria-label': 'What to search for', id: 'mode' }, ...(['word', 'phrase', 'regex', 'entity'] as const).map((m) => el('option', { value: m, text: { word: 'Word', phrase: 'Phrase', regex: 'Regular expression', entity: 'Entity' }[m] })));
const input = el('input', { type: 'search', id: 'query', 'aria-label': 'Search the corpus', placeholder: 'negotiat*', spellcheck: 'false', size: 28 });
const caseBox = el('input', { type: 'checkbox', id: 'case' });
const searchButton = el('button', { id: 'search', text: 'Search' });
const stopButton = el('button', { id: 'stop', class: 'secondary', text: 'Stop', disabled: true });
const sortSelect = el('select', { id: 'sort', 'aria-label': 'Sort lines' }, ...(['document', 'left', 'right', 'date'] as const).map((s) => el('option', { value: s, text: { document: 'Document order', left: 'Left context', right: 'Right context', date: 'Document date' }[s] })));
const countsButton = el('button', { id: 'counts', class: 'secondary', text: 'Counts per document', 'aria-pressed': 'false' });
const tagButton = el('button', { id: 'tag', text: 'Tag selected…', disabled: true });
const exportButton = el('button', { id: 'export', class: 'secondary', text: 'Export…', disabled: true });
const status = el('span', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
const list = el('div', { id: 'lines', class: 'lines', role: 'listbox', 'aria-multiselectable': 'true', 'aria-label': 'Concordance lines', tabindex: 0 });
const side = el('aside', { class: 'side', id: 'doc-counts', 'aria-label': 'Matches per document', hidden: true });

const app = document.getElementById('app')!;
app.append(
  el(
    'div',
    { class: 'toolbar', role: 'search' },
    mode,
    input,
    el('label', { for: 'case', title: 'Match case' }, caseBox, 'Match case'),
    searchButton,
    stopButton,
    el('label', { for: 'sort' }, 'Sort', sortSelect),
    countsButton,
    tagButton,
    exportButton,
    status,
  ),
  el('div', { class: 'body' }, list, side),
);
app.removeAttribute('aria-busy');

mode.value = state.mode;
input.value = state.pattern;
caseBox.checked = state.caseSensitive;
sortSelect.value = state.sort;
const placeholder = () => (input.placeholder = { word: 'negotiat*', phrase: 'will not negotiate', regex: '\\bnegotiat\\w*', entity: 'Part of a name' }[mode.value as State['mode']]);
placeholder();

function currentRequest(): SearchRequest {
  return { mode: mode.value as SearchRequest['mode'], pattern: input.value, caseSensitive: caseBox.checked };
}

function search(): void {
  const request = currentRequest();
  Object.assign(state, { mode: request.mode, pattern: request.pattern, caseSensitive: !!request.caseSensitive, onlyDoc: undefined });
  save();
  if (request.mode === 'entity') send({ type: 'pickEntity', text: request.pattern });
  else send({ type: 'search', request });
}

searchButton.addEventListener('click', search);
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') search();
  if (e.key === 'Escape' && running) send({ type: 'stop' });
});
mode.addEventListener('change', () => {
  placeholder();
  state.mode = mode.value as State['mode'];
  save();
});
stopButton.addEventListener('click', () => send({ type: 'stop' }));
sortSelect.addEventListener('change', () => {
  state.sort = sortSelect.value as KwicSort;
  save();
  render();
});
countsButton.addEventListener('click', () => {
  state.counts = !state.counts;
  save();
  renderCounts();
});
tagButton.addEventListener('click', () => send({ type: 'tag', lines: [...selected].map(({ doc, start, end, match }) => ({ doc, start, end, match })) }));
exportButton.addEventListener('click', () => state.request && send({ type: 'export', request: state.request, sort: state.sort }));

// ── lines ──
function rowOf(l: KwicLine, i: number): HTMLElement {
  const d = docs.get(l.doc);
  const file = d?.file ?? l.doc;
  const row = el(
    'div',
    { class: 'row', role: 'option', id: `line-${i}`, 'aria-selected': selected.has(l) ? 'true' : 'false', 'aria-label': `${l.left} ${l.match} ${l.right}. ${file}, line ${l.line + 1}${d?.date ? `, ${d.date}` : ''}` },
    el('span', { class: 'check', 'aria-hidden': 'true' }),
    el('span', { class: 'where', title: `${file}:${l.line + 1}${d?.date ? ` · ${d.date}` : ''}` }, el('span', { class: 'file', text: file.replace(/^.*\//, '') }), el('span', { class: 'muted', text: `:${l.line + 1}` })),
    el('span', { class: 'left' }, el('span', { text: l.left })),
    el('span', { class: 'right' }, el('mark', { text: l.match }), document.createTextNode(l.right)),
  );
  row.dataset.i = String(i);
  return row;
}

function visibleLines(): KwicLine[] {
  // A copy: lines streaming in are appended to what is shown as well as to `lines`.
  const base = state.onlyDoc ? lines.filter((l) => l.doc === state.onlyDoc) : [...lines];
  return state.sort === 'document' ? base : sortKwic(base, state.sort, (doc) => docs.get(doc)?.date);
}

function render(): void {
  shown = visibleLines();
  const frag = document.createDocumentFragment();
  shown.forEach((l, i) => frag.append(rowOf(l, i)));
  list.replaceChildren(frag);
  if (!shown.length) list.append(el('div', { class: 'empty', text: running ? 'Searching…' : state.request ? 'No matches.' : 'Search the whole corpus for a word, a phrase, a regular expression or an entity.' }));
  setActive(Math.min(active, shown.length - 1), false);
  updateButtons();
}

/** Appends lines as they stream in (document order), without re-rendering the rest. */
function append(batch: KwicLine[]): void {
  if (state.sort !== 'document' || state.onlyDoc) return render();
  if (!shown.length) list.replaceChildren();
  const frag = document.createDocumentFragment();
  for (const l of batch) frag.append(rowOf(l, shown.push(l) - 1));
  list.append(frag);
}

function setActive(i: number, scroll = true): void {
  list.querySelector('.row.active')?.classList.remove('active');
  active = i;
  const row = i >= 0 ? document.getElementById(`line-${i}`) : null;
  if (row) {
    row.classList.add('active');
    list.setAttribute('aria-activedescendant', row.id);
    if (scroll) row.scrollIntoView({ block: 'nearest' });
  } else list.removeAttribute('aria-activedescendant');
}

function toggle(i: number, on?: boolean): void {
  const l = shown[i];
  if (!l) return;
  const now = on ?? !selected.has(l);
  if (now) selected.add(l);
  else selected.delete(l);
  document.getElementById(`line-${i}`)?.setAttribute('aria-selected', String(now));
}

function updateButtons(): void {
  tagButton.disabled = selected.size === 0;
  tagButton.textContent = selected.size ? `Tag ${count(selected.size)} selected…` : 'Tag selected…';
  exportButton.disabled = !state.request || lines.length === 0;
  stopButton.disabled = !running;
}

function open(i: number): void {
  const l = shown[i];
  if (l) send({ type: 'open', doc: l.doc, start: l.start, end: l.end });
}

list.addEventListener('click', (e) => {
  const row = (e.target as Element).closest<HTMLElement>('.row');
  if (!row) return;
  const i = Number(row.dataset.i);
  if (e.shiftKey && anchor >= 0) {
    for (let k = Math.min(anchor, i); k <= Math.max(anchor, i); k++) toggle(k, true);
  } else if (e.ctrlKey || e.metaKey || (e.target as Element).classList.contains('check')) {
    toggle(i);
    anchor = i;
  } else {
    anchor = i;
    open(i);
  }
  setActive(i, false);
  updateButtons();
});

list.addEventListener('keydown', (e) => {
  const last = shown.length - 1;
  if (last < 0) return;
  const move = (to: number) => {
    const next = Math.max(0, Math.min(last, to));
    if (e.shiftKey) toggle(next, true);
    setActive(next);
    e.preventDefault();
  };
  if (e.key === 'ArrowDown') move(active + 1);
  else if (e.key === 'ArrowUp') move(active - 1);
  else if (e.key === 'Home') move(0);
  else if (e.key === 'End') move(last);
  else if (e.key === 'PageDown') move(active + 20);
  else if (e.key === 'PageUp') move(active - 20);
  else if (e.key === ' ') {
    toggle(Math.max(0, active));
    e.preventDefault();
  } else if (e.key === 'Enter') open(Math.max(0, active));
  else if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) {
    const all = shown.every((l) => selected.has(l));
    shown.forEach((_, i) => toggle(i, !all));
    e.preventDefault();
  } else if (e.key.toLowerCase() === 't' && !e.ctrlKey && !e.metaKey && selected.size) tagButton.click();
  else return;
  updateButtons();
});
list.addEventListener('focus', () => active < 0 && shown.length && setActive(0));

// ── counts per document ──
function renderCounts(): void {
  countsButton.setAttribute('aria-pressed', String(state.counts));
  side.hidden = !state.counts;
  if (!state.counts) return;
  const counts = countByDocument(lines);
  const item = (label: string, n: number, doc?: string) =>
    el('li', {}, el('button', { class: `link${state.onlyDoc === doc ? ' current' : ''}`, 'aria-current': state.onlyDoc === doc ? 'true' : undefined, onclick: () => ((state.onlyDoc = doc), save(), render(), renderCounts()) }, el('span', { text: label }), el('span', { class: 'muted', text: ` ${count(n)}` })));
  side.replaceChildren(
    el('h2', { text: `${count(counts.length)} documents` }),
    el('ul', {}, item('All documents', lines.length), ...counts.map((c) => item(docs.get(c.doc)?.file ?? c.doc, c.count, c.doc))),
  );
}

// ── messages ──
window.addEventListener('message', (e: MessageEvent<ConcordanceFromHost>) => {
  const m = e.data;
  switch (m.type) {
    case 'run':
      mode.value = m.request.mode;
      input.value = m.request.pattern;
      caseBox.checked = !!m.request.caseSensitive;
      placeholder();
      Object.assign(state, { mode: m.request.mode, pattern: m.request.pattern, caseSensitive: !!m.request.caseSensitive, onlyDoc: undefined });
      send({ type: 'search', request: m.request });
      break;
    case 'started':
      running = true;
      state.request = m.request;
      save();
      lines = [];
      selected.clear();
      active = -1;
      anchor = -1;
      status.textContent = 'Searching…';
      list.setAttribute('aria-busy', 'true');
      render();
      break;
    case 'lines':
      for (const [doc, d] of Object.entries(m.docs)) docs.set(doc, d);
      lines.push(...m.lines);
      append(m.lines);
      status.textContent = `${count(lines.length)} lines…`;
      break;
    case 'done': {
      running = false;
      list.removeAttribute('aria-busy');
      const text = m.error
        ? m.error
        : `${count(m.matches)} ${m.matches === 1 ? 'match' : 'matches'} in ${count(m.documents)} ${m.documents === 1 ? 'document' : 'documents'}${m.shown < m.matches ? ` (first ${count(m.shown)} shown; Export writes all)` : ''} · ${(m.ms / 1000).toFixed(2)} s${m.cancelled ? ' · stopped' : ''}`;
      status.textContent = text;
      status.classList.toggle('error', !!m.error);
      announce(text);
      render();
      renderCounts();
      break;
    }
  }
});

renderCounts();
render();
send({ type: 'ready' });
// Shown again after being hidden: the last search is run again (results are not kept in the state).
if (state.request) send({ type: 'search', request: state.request });
