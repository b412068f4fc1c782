// The corpus as a whole, as a person looks at it: the Statements view, the Concordance, and the
// Timeline, Map and Network pictures, each opened on the sample corpus, clicked through to a
// document, and photographed (the Timeline in a dark theme too).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCorpusLens, runCommand, screenshot, waitForWorkbench } from './workbench.mjs';

/** The page inside a webview panel (VS Code nests it in two frames). */
function webview(page) {
  return page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
}

/** Waits for an editor tab whose label contains `name`, and for its text. */
async function editorOpened(page, name) {
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`, { timeout: 15_000 });
  await page.waitForSelector('.editor-instance .view-lines .view-line', { timeout: 15_000 });
}

/** The text selected in the active editor (the workbench shows it in the status bar as "(N selected)"). */
async function selectionLength(page) {
  const status = await page.locator('.statusbar-item[id*="status.editor.selection"]').first().innerText({ timeout: 10_000 });
  const m = /\((\d+) selected\)/.exec(status);
  return m ? Number(m[1]) : 0;
}

async function openPicture(page, title) {
  await waitForWorkbench(page);
  await openCorpusLens(page);
  // Let the background index finish its first pass on the samples.
  await page.waitForSelector('.statusbar-item:has-text("documents")', { timeout: 30_000 }).catch(() => undefined);
  await runCommand(page, `Corpus Lens: ${title}`);
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${title}"]`, { timeout: 15_000 });
  return webview(page);
}

const timeline = {
  async run({ page, results }, shot) {
    const view = await openPicture(page, 'Timeline');
    await view.locator('.lane').first().waitFor({ timeout: 20_000 });
    await view.locator('circle.mark.statement').first().waitFor({ timeout: 20_000 });
    const lanes = await view.locator('.lane-label').allTextContents();
    assert.ok(lanes.length >= 3, `lanes of the most quoted speakers: ${lanes.join(' | ')}`);
    assert.ok(lanes.some((l) => /Baghdadi/.test(l)), `the most quoted leader has a lane: ${lanes.join(' | ')}`);
    // The words on hover.
    const dot = view.locator('circle.mark.statement').first();
    const box = await dot.boundingBox();
    await page.mouse.move(box.x + box.width / 2 - 20, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await view.locator('.tooltip:not([hidden])').waitFor({ timeout: 5_000 });
    assert.match(await view.locator('.tooltip').innerText(), /“.+”/);
    await screenshot(page, results, shot);
    // Keyboard: focus the chart, move to a statement, open it.
    await view.locator('svg').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.tabs-container .tab[aria-label*=".txt"]', { timeout: 15_000 });
    assert.ok((await selectionLength(page)) > 2, 'the quotation is selected in its document');
  },
};

export const tests = [
  {
    name: 'the Statements view lists quotations by speaker and reveals one in its document',
    async run({ page, results }) {
      await waitForWorkbench(page);
      await openCorpusLens(page);
      const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Statements"]') });
      const header = pane.locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      // Make room: collapse the Corpus view above.
      const corpus = page.locator('.part.sidebar .pane-header[aria-label^="Corpus"]');
      if ((await corpus.getAttribute('aria-expanded')) === 'true') await corpus.click();
      const leader = pane.locator('.monaco-list-row', { hasText: 'Abu Bakr al-Baghdadi' }).first();
      await leader.waitFor({ timeout: 30_000 });
      const rows = await pane.locator('.monaco-list-row').allTextContents();
      assert.ok(rows.some((r) => /Unattributed/.test(r)) || rows.length >= 3, rows.join(' | '));
      await leader.click();
      const said = pane.locator('.monaco-list-row[aria-level="2"]').first();
      await said.waitFor();
      // The words arrive from the text worker.
      await page.waitForFunction(() => [...document.querySelectorAll('.part.sidebar .monaco-list-row[aria-level="2"]')].some((r) => /“[^”]{10,}/.test(r.textContent ?? '')), null, { timeout: 20_000 });
      await screenshot(page, results, 'statements-view');
      await pane.locator('.monaco-list-row[aria-level="2"]').first().click();
      await editorOpened(page, '.txt');
      assert.ok((await selectionLength(page)) > 5, 'the quotation is selected');
      await screenshot(page, results, 'statements-view-revealed');
    },
  },
  {
    name: 'the Concordance finds a word across the corpus, opens a line and tags lines in one step',
    async run({ page, workspace, results }) {
      const view = await openPicture(page, 'Concordance');
      await view.locator('#query').fill('fighters');
      await view.locator('#query').press('Enter');
      await view.locator('.row').nth(2).waitFor({ timeout: 20_000 });
      await view.locator('#status', { hasText: /matches in \d+ documents/ }).waitFor({ timeout: 20_000 });
      const matches = await view.locator('.row mark').allTextContents();
      assert.ok(matches.length >= 3 && matches.every((m) => /^fighters$/i.test(m)), matches.join(' | '));
      await view.locator('#sort').selectOption('left');
      await view.locator('#counts').click();
      await view.locator('#doc-counts li').nth(1).waitFor();
      await screenshot(page, results, 'concordance');
      // Select two lines from the keyboard and tag them.
      await view.locator('#lines').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await view.locator('#tag', { hasText: 'Tag 2 selected' }).click();
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('fighters-claim');
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      const sidecars = () => ['iraq-syria', 'africa', 'afghanistan-pakistan'].flatMap((d) => ['baghdadi-mosul-tape', 'baghdadi-video-baghouz', 'qurashi-audio-anbar', 'raqqa-sdf-advance', 'adnani-killed-aleppo', 'shabaab-manda-bay-audio', 'shekau-rejects-barnawi', 'shekau-video-baga', 'akhundzada-ceasefire-message', 'zawahiri-911-video'].map((f) => join(workspace, d, `${f}.txt.lens.yaml`))).filter((f) => existsSync(f));
      for (let i = 0; i < 50 && sidecars().reduce((n, f) => n + (readFileSync(f, 'utf8').match(/fighters-claim/g) ?? []).length, 0) < 2; i++) await page.waitForTimeout(100);
      const tagged = sidecars().reduce((n, f) => n + (readFileSync(f, 'utf8').match(/- fighters-claim|\[fighters-claim\]/g) ?? []).length, 0);
      assert.equal(tagged, 2, 'two passages tagged in the sidecars');
      // A click on a line opens its document with the match selected.
      await view.locator('.row .right').first().click();
      await editorOpened(page, '.txt');
      assert.equal(await selectionLength(page), 'fighters'.length);
    },
  },
  {
    name: 'the Timeline draws the most quoted speakers and opens a statement',
    run: (ctx) => timeline.run(ctx, 'timeline'),
  },
  {
    name: 'the Timeline in a dark theme',
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    run: (ctx) => timeline.run(ctx, 'timeline-dark'),
  },
  {
    name: 'the Map shows places by mentions and lists a place’s documents',
    async run({ page, results }) {
      const view = await openPicture(page, 'Map');
      await view.locator('path.land').waitFor({ timeout: 20_000 });
      await view.locator('.places circle').nth(3).waitFor({ timeout: 20_000 });
      assert.match(await view.locator('.status').innerText(), /\d+ places/);
      // The most mentioned place, from the keyboard.
      await view.locator('svg').first().focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await view.locator('#place h2').first().waitFor();
      const docs = view.locator('#place li button');
      assert.ok((await docs.count()) >= 1);
      await page.keyboard.press('Escape');
      await screenshot(page, results, 'map');
      await docs.first().click();
      await editorOpened(page, '.txt');
      assert.ok((await selectionLength(page)) > 2, 'the place is selected in the document');
    },
  },
  {
    name: 'the Network links people and places and finds a node’s references',
    async run({ page, results }) {
      const view = await openPicture(page, 'Network');
      await view.locator('.nodes circle').nth(3).waitFor({ timeout: 20_000 });
      assert.match(await view.locator('.status').innerText(), /\d+ entities · \d+ links/);
      const leader = view.locator('.nodes circle[aria-label^="Abu Bakr al-Baghdadi"]');
      await leader.click();
      await view.locator('#node h2', { hasText: 'Abu Bakr al-Baghdadi' }).waitFor();
      assert.ok((await view.locator('#node li').count()) >= 2, 'the leader is linked to several entities');
      await screenshot(page, results, 'network');
      await view.locator('#references').click();
      // Find All References opens the references of the entity in a peek or the References view.
      await page.waitForSelector('.tabs-container .tab[aria-label*=".txt"]', { timeout: 15_000 });
      await page.waitForSelector('.peekview-widget, .reference-tree, [id="workbench.view.references"]', { timeout: 15_000 });
    },
  },
  {
    name: 'the Map and the Network come back after a window reload, the Map with its date filter',
    async run({ page, results }) {
      let view = await openPicture(page, 'Map');
      await view.locator('path.land').waitFor({ timeout: 20_000 });
      await view.locator('#from').fill('2016-01-01');
      await view.locator('#apply').click();
      await view.locator('.places circle').first().waitFor({ timeout: 20_000 });
      await runCommand(page, 'Corpus Lens: Network');
      await page.waitForSelector('.tabs-container .tab[aria-label*="Network"]', { timeout: 15_000 });
      // Let the workbench save its editors (and the pages their state) before the reload.
      await page.waitForTimeout(1_500);
      await page.reload();
      await waitForWorkbench(page);
      await page.waitForSelector('.tabs-container .tab[aria-label*="Network"]', { timeout: 20_000 });
      view = webview(page);
      await view.locator('.nodes circle').nth(3).waitFor({ timeout: 30_000 });
      await page.locator('.tabs-container .tab[aria-label*="Map"]').click();
      view = webview(page);
      await view.locator('.places circle').first().waitFor({ timeout: 30_000 });
      assert.equal(await view.locator('#from').inputValue(), '2016-01-01', 'the Map keeps its date filter');
      await screenshot(page, results, 'map-restored');
    },
  },
];
