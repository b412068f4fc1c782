// Annotating as a person would: select a passage, tag it from the keyboard, write a note in the
// comment box, and see the passage, its note and the Tags view.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCorpusLens, quickOpen, screenshot, textRect, waitForWorkbench } from './workbench.mjs';

const DOC = 'iraq-syria/raqqa-sdf-advance.txt';

export const tests = [
  {
    name: 'tag a passage and write a note on it',
    async run({ page, workspace, results }) {
      await waitForWorkbench(page);
      await openCorpusLens(page);
      await quickOpen(page, 'raqqa-sdf-advance.txt');
      await page.waitForSelector('.editor-instance .view-lines .view-line');
      // The keybindings apply to corpus documents: wait until the editor has that language.
      await page.waitForSelector('.statusbar-item:has-text("Corpus Document")', { timeout: 15_000 });
      // Select the dateline's visual line: click at its start, then Shift+End.
      const first = await textRect(page, 'AIN ISSA, Syria');
      await page.mouse.click(first.x + 1, first.y + first.height / 2);
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Control+Alt+t');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('territory');
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      const sidecar = join(workspace, `${DOC}.lens.yaml`);
      for (let i = 0; i < 50 && !existsSync(sidecar); i++) await page.waitForTimeout(100);
      assert.ok(existsSync(sidecar), 'the sidecar was written next to the text');
      assert.match(readFileSync(sidecar, 'utf8'), /tags:\s*\n?\s*-?\s*\[?territory/);
      // The note, in the comment box VS Code opens on the passage.
      await page.keyboard.press('Control+Alt+m');
      // The comment widget opens with the cursor in its reply box.
      await page.locator('.review-widget').first().waitFor({ timeout: 15_000 });
      const form = page.locator('.review-widget .comment-form').first();
      // Until it is clicked, the form shows only its prompt.
      if (!(await form.locator('.monaco-editor').first().isVisible())) await page.locator('.review-widget', { hasText: 'Write a note on this passage' }).getByText('Write a note on this passage').first().click();
      await form.locator('.monaco-editor').first().click();
      await page.keyboard.type('Claim of the advance: check against the coalition statement.');
      await page.locator('.review-widget a.monaco-button, .review-widget .monaco-button', { hasText: 'Save Note' }).first().click();
      for (let i = 0; i < 50 && !/note:/.test(readFileSync(sidecar, 'utf8')); i++) await page.waitForTimeout(100);
      assert.match(readFileSync(sidecar, 'utf8'), /note: .*coalition statement/);
      // The Tags view lists the passage under its tag.
      const tags = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Tags"]') });
      const header = tags.locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await tags.locator('.monaco-list-row', { hasText: 'territory' }).first().waitFor();
      await tags.locator('.monaco-list-row', { hasText: 'raqqa-sdf-advance.txt' }).first().waitFor();
      // Open the saved note's thread so the screenshot shows passage, tag and note together.
      await page.waitForTimeout(500);
      await screenshot(page, results, 'tagged-passage-note-tags-view');
    },
  },
];
