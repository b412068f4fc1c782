// Annotating as a person would: select a passage, tag it from the keyboard, write a note in the
// comment box, and see the passage, its note, the Tags view and the Comments panel.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { openCorpusLens, quickOpen, screenshot, selectText, tagSelection, textRect, until, waitForWorkbench, writeNote } from './workbench.mjs';

const DOC = 'iraq-syria/raqqa-sdf-advance.txt';

async function openDocument(page, name) {
  await quickOpen(page, name);
  await page.waitForSelector('.editor-instance .view-lines .view-line');
  // The keybindings apply to corpus documents: wait until the editor has that language.
  await page.waitForSelector('.statusbar-item:has-text("Corpus Document")', { timeout: 15_000 });
}

const annotationsIn = (path) => (existsSync(path) ? (parse(readFileSync(path, 'utf8'))?.annotations ?? []) : []);

/** The rows of the Comments panel (empty when it is not shown). */
const commentRows = (page) => page.$$eval('.part.panel .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));

export const tests = [
  {
    name: 'tag a passage and write a note on it',
    async run({ page, workspace, results }) {
      await waitForWorkbench(page);
      await openCorpusLens(page);
      const file = join(workspace, DOC);
      const original = readFileSync(file, 'utf8');
      await openDocument(page, 'raqqa-sdf-advance.txt');
      // Select the dateline's visual line: click at its start, then Shift+End.
      const first = await textRect(page, 'AIN ISSA, Syria');
      await page.mouse.click(first.x + 1, first.y + first.height / 2);
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await tagSelection(page, 'territory');
      const sidecar = join(workspace, `${DOC}.lens.yaml`);
      await until(page, 'the sidecar next to the text', () => annotationsIn(sidecar).length === 1);
      assert.deepEqual(annotationsIn(sidecar)[0].tags, ['territory']);
      // Whatever happens to a note, the article must not change.
      const articleUnchanged = async () => {
        await page.waitForTimeout(1500); // longer than auto-save's delay, had it been on
        assert.equal(readFileSync(file, 'utf8'), original, 'the document on disk is unchanged');
        assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'the editor has no unsaved change');
      };
      const writeNoteOrExplain = (text) => writeNote(page, text).catch(async (e) => {
        await articleUnchanged();
        throw e;
      });
      // The note: Ctrl+Alt+M with the passage still selected, and the analyst types at once.
      const note = 'Claim of the advance: check against the coalition statement.';
      await writeNoteOrExplain(note);
      await until(page, 'the note in the sidecar', () => annotationsIn(sidecar)[0]?.note);
      assert.equal(annotationsIn(sidecar)[0].note, note);
      assert.equal(annotationsIn(sidecar).length, 1, 'the note went onto the tagged passage');
      // A second note in the same paragraph (one line of the file) gets its own box too.
      await selectText(page, 'Kurdish and Arab fighters');
      await writeNoteOrExplain('Who counts them as Kurdish and Arab?');
      await until(page, 'the second note', () => annotationsIn(sidecar).length === 2);
      const second = annotationsIn(sidecar).find((a) => a.target.exact === 'Kurdish and Arab fighters');
      assert.ok(second, `the second note is on its passage: ${JSON.stringify(annotationsIn(sidecar).map((a) => a.target.exact))}`);
      assert.equal(second.note, 'Who counts them as Kurdish and Arab?');
      // Typing the notes changed nothing in the article: not on disk, not in the editor.
      await articleUnchanged();
      assert.ok(await textRect(page, 'Kurdish and Arab fighters of the Syrian Democratic Forces entered the'), 'the editor still shows the passage');
      assert.equal(await textRect(page, 'Who counts them'), undefined, 'the note is not in the article');
      // The Tags view lists the passage under its tag.
      const tags = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Tags"]') });
      const header = tags.locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await tags.locator('.monaco-list-row', { hasText: 'territory' }).first().waitFor();
      await tags.locator('.monaco-list-row', { hasText: 'raqqa-sdf-advance.txt' }).first().waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, results, 'tagged-passage-note-tags-view');
    },
  },
  {
    name: 'a note on a tagged passage shows in the open Comments panel at once',
    async run({ page, workspace, results }) {
      await waitForWorkbench(page);
      await openCorpusLens(page);
      // A first note in one document: the Comments panel opens and lists it.
      await openDocument(page, 'raqqa-sdf-advance.txt');
      await selectText(page, 'Mashlab district');
      await writeNote(page, 'Where is Mashlab district?');
      await until(page, 'the first note in the Comments panel', async () => (await commentRows(page)).some((r) => r.includes('Where is Mashlab district?')));
      // In another document, tag a passage, then write a note on it.
      await openDocument(page, 'adnani-killed-aleppo.txt');
      await selectText(page, 'been killed in Aleppo province');
      await tagSelection(page, 'claim');
      const sidecar = join(workspace, 'iraq-syria/adnani-killed-aleppo.txt.lens.yaml');
      await until(page, 'the tag in the sidecar', () => annotationsIn(sidecar).length === 1);
      await selectText(page, 'been killed in Aleppo province');
      await writeNote(page, 'Only the group says so.');
      await until(page, 'the note in the sidecar', () => annotationsIn(sidecar)[0]?.note);
      assert.equal(annotationsIn(sidecar).length, 1, 'the note joined the tagged passage');
      // The panel lists it without anyone expanding anything.
      await until(page, 'the note in the Comments panel', async () => (await commentRows(page)).some((r) => r.includes('Only the group says so.')), 5_000).catch(async (e) => {
        await screenshot(page, results, 'FAILED-comments-panel');
        throw new Error(`${e.message}\nrows: ${(await commentRows(page)).join(' | ')}`);
      });
      await screenshot(page, results, 'comments-panel-tagged-note');
    },
  },
  {
    name: 'the tag after a passage at the end of a long line stays inside the editor',
    async run({ page, results }) {
      await waitForWorkbench(page);
      await openCorpusLens(page);
      await openDocument(page, 'raqqa-sdf-advance.txt');
      // The dateline paragraph wraps: select its first visual line, up to the right edge.
      const first = await textRect(page, 'AIN ISSA, Syria');
      await page.mouse.click(first.x + 1, first.y + first.height / 2);
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await tagSelection(page, 'territory');
      const scrollbar = page.locator('.editor-instance .editor-scrollable > .scrollbar.horizontal').first();
      const overflows = async () => /\bvisible\b/.test((await scrollbar.getAttribute('class')) ?? '');
      // Wait for the tag's name, or for the line to overflow, whichever the editor shows.
      await until(page, 'the tag after the passage', async () => (await textRect(page, 'territory')) || (await overflows()));
      await page.mouse.click(first.x + 1, first.y + first.height / 2 + 80); // put the selection away
      await page.waitForTimeout(800);
      await screenshot(page, results, 'long-line-tag-label');
      assert.equal(await overflows(), false, 'no horizontal scrollbar: the line is not widened past the editor');
      const label = await textRect(page, 'territory');
      assert.ok(label, 'the tag’s name is shown after the passage');
      const editor = await page.locator('.editor-instance .editor-scrollable').first().boundingBox();
      assert.ok(label.x + label.width <= editor.x + editor.width, `the tag’s name ends inside the editor (${label.x + label.width} > ${editor.x + editor.width})`);
    },
  },
];
