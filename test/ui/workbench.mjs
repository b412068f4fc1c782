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

/** Screen rectangle of the first rendered occurrence of `text` in the editor (within one visual line). */
export async function textRect(page, text) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
      // A line is split in spans by tokens and decorations: search their joined text.
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let joined = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, at: joined.length });
        joined += n.textContent.replace(/\u00a0/g, ' '); // the editor renders spaces as no-break spaces
      }
      const at = joined.indexOf(needle);
      if (at < 0) continue;
      const locate = (offset, end) => {
        const hit = nodes.findLast((x) => (end ? x.at < offset : x.at <= offset));
        return [hit.node, offset - hit.at];
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + needle.length, true));
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      const all = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: all.width, height: r.height };
    }
    return undefined;
  }, text);
}

/** Selects `text` in the editor as a hand does: a click before its first letter, then Shift+→ to its end. */
export async function selectText(page, text) {
  let r;
  for (let i = 0; i < 50 && !(r = await textRect(page, text)); i++) await page.waitForTimeout(100);
  if (!r) throw new Error(`"${text}" is not on screen`);
  // Just inside the first letter: the editor puts the cursor at the nearer edge, before it.
  await page.mouse.click(r.x + 1, r.y + r.height / 2);
  const before = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
  for (let i = 0; i < text.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.locator('.statusbar-item', { hasText: `(${text.length} selected)` }).first().waitFor({ timeout: 5_000 }).catch(() => {
    throw new Error(`selecting "${text}" from ${before} did not select ${text.length} characters`);
  });
}

/** Tags the selection from the keyboard (Ctrl+Alt+T, type the tag, Enter). */
export async function tagSelection(page, tag) {
  await page.keyboard.press('Control+Alt+t');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(tag);
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}

/** Ctrl+Alt+M on the selection, then types the note as soon as the box shows its cursor (no click), then Save Note. */
export async function writeNote(page, note) {
  await page.keyboard.press('Control+Alt+m');
  await page.locator('.review-widget .comment-form').last().waitFor({ timeout: 15_000 });
  // A person waits for the box to show its cursor, or types anyway after a moment: where the
  // keystrokes land is for the caller to check (the document must not change).
  await page.waitForFunction(() => document.activeElement?.closest('.review-widget .comment-form'), null, { timeout: 3_000 }).catch(() => undefined);
  await page.keyboard.type(note);
  await page.locator('.review-widget .monaco-button', { hasText: 'Save Note' }).last().click({ timeout: 5_000 }).catch(() => {
    throw new Error('no Save Note button to press: the note was not typed into the comment box');
  });
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeout` ms. */
export async function until(page, what, probe, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
