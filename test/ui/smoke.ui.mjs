// Smoke test: the workbench shows the Corpus view with the sample corpus, and a document opens from it.
import assert from 'node:assert/strict';
import { openCorpusLens, rowLabels, screenshot, waitForWorkbench } from './workbench.mjs';

export const tests = [
  {
    name: 'Corpus view lists the sample corpus and opens a document',
    async run({ page, results }) {
      await waitForWorkbench(page);
      await openCorpusLens(page);
      const labels = await rowLabels(page);
      assert.ok(labels.length >= 3, `the Corpus view shows folders and documents: ${labels.join(' | ')}`);
      // Click the first document row (folders are expanded, documents end in .txt).
      const doc = page.locator('.part.sidebar .monaco-list-row', { hasText: '.txt' }).first();
      const name = (await doc.textContent()).match(/[\w.-]+\.txt/)[0];
      await doc.click();
      await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`, { timeout: 15_000 });
      await page.waitForSelector('.editor-instance .view-lines .view-line', { timeout: 15_000 });
      const text = await page.locator('.editor-instance .view-lines').first().innerText();
      assert.ok(text.trim().length > 50, 'the document text is shown');
      // The corpus grammar gives the headline its own token colour: the status bar names the language.
      await page.waitForSelector('.statusbar-item[aria-label*="Corpus Document"], .statusbar-item:has-text("Corpus Document")', { timeout: 15_000 });
      await screenshot(page, results, 'corpus-view');
    },
  },
];
