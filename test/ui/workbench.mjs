// Gestures on the VS Code workbench, as a person makes them, for the UI tests.
import { join } from 'node:path';

export async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench .activitybar', { timeout: 60_000 });
  // The extension host starts after the shell; wait until our container is in the activity bar.
  await page.waitForSelector('.activitybar [aria-label^="Corpus Lens"]', { timeout: 60_000 });
}

/** Clicks the Corpus Lens icon in the activity bar and waits for a view's first row. */
export async function openCorpusLens(page) {
  await page.click('.activitybar [aria-label^="Corpus Lens"]');
  // With a single view the pane header is hidden; the sidebar's title names the container.
  await page.waitForSelector('.part.sidebar .composite.title:has-text("Corpus Lens")', { timeout: 30_000 });
  await page.waitForSelector('.part.sidebar .monaco-list-row', { timeout: 30_000 });
}

/** The labels of the rows a tree shows, in order. */
export async function rowLabels(page, scope = '.part.sidebar') {
  return page.$$eval(`${scope} .monaco-list-row`, (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
}

/** Runs a command through F1, typing its title like a person would. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

export async function screenshot(page, results, name) {
  const path = join(results, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Opens a file through Quick Open (Ctrl+P), as a person would. */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+p');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`, { timeout: 15_000 });
}

/** Screen rectangle of the first rendered occurrence of `text` in the editor. */
export async function textRect(page, text) {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('.editor-instance .view-lines'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // The editor renders spaces as no-break spaces.
      const at = n.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return undefined;
  }, text);
}

