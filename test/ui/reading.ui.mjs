// Reading: a document with its highlights beside the Entities view, and a hover card.
import assert from 'node:assert/strict';
import { openCorpusLens, screenshot, textRect, waitForWorkbench } from './workbench.mjs';

async function openTape(page) {
  await waitForWorkbench(page);
  await openCorpusLens(page);
  // Four views share the sidebar: fold the other folders, as a reader would, to bring the document into view.
  for (const folder of ['afghanistan-pakistan', 'africa']) {
    const row = page.locator('.part.sidebar .monaco-list-row[aria-expanded="true"]', { hasText: folder }).first();
    if (await row.waitFor({ timeout: 10_000 }).then(() => true, () => false)) await row.click();
  }
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'baghdadi-mosul-tape.txt' }).first().click();
  await page.waitForSelector('.tabs-container .tab[aria-label*="baghdadi-mosul-tape.txt"]');
  // Background decorations are drawn as boxes with generated class names in the overlay layer.
  await page.waitForFunction(() => document.querySelectorAll('.editor-instance .view-overlays .cdr[class*="ced-"]').length > 10, null, { timeout: 30_000 });
  // Inlay hints arrive after the highlights and re-flow the lines: let the layout settle.
  await page.waitForTimeout(1500);
}

/** The decoration boxes drawn under a screen rectangle, with their colours. */
async function decorationsUnder(page, rect) {
  return page.$$eval(
    '.editor-instance .view-overlays .cdr[class*="ced-"]',
    (boxes, r) =>
      boxes
        .map((b) => ({ box: b.getBoundingClientRect(), style: getComputedStyle(b) }))
        .filter(({ box }) => box.top <= r.y + r.height / 2 && box.bottom >= r.y + r.height / 2 && box.left <= r.x + r.width / 2 && box.right >= r.x + r.width / 2)
        .map(({ style }) => ({ bg: style.backgroundColor, borderBottom: style.borderBottomStyle })),
    rect,
  );
}

export const tests = [
  {
    name: 'a document shows its highlights and the Entities view lists speakers',
    async run({ page, results }) {
      await openTape(page);
      const leader = (await decorationsUnder(page, await textRect(page, 'Abu Bakr al-Baghdadi'))).find((d) => d.bg !== 'rgba(0, 0, 0, 0)');
      assert.ok(leader, 'the leader’s name has a coloured box under it');
      const place = (await decorationsUnder(page, await textRect(page, 'Nineveh province'))).find((d) => d.bg !== 'rgba(0, 0, 0, 0)');
      assert.ok(place && place.bg !== leader.bg, `places are coloured differently from speakers (${place?.bg} vs ${leader.bg})`);
      const quote = await decorationsUnder(page, await textRect(page, 'Stand firm in your trenches'));
      assert.ok(quote.some((d) => d.borderBottom === 'dashed'), 'quotations are underlined');
      // The Entities view: groups with counts, the leader among the speakers.
      const entities = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header[aria-label^="Entities"]') });
      const header = entities.locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await entities.locator('.monaco-list-row', { hasText: 'Speakers' }).waitFor();
      await entities.locator('.monaco-list-row', { hasText: 'Abu Bakr al-Baghdadi' }).first().waitFor();
      // The status bar (documents · speakers · organisations · places) and the Entities view count the same entities.
      const status = page.locator('.statusbar-item[id$="corpusLens.status"]');
      await status.waitFor();
      await page.waitForTimeout(1000); // both settle after the last indexed batch
      const [, statusSpeakers, statusOrganisations, statusPlaces] = (await status.innerText()).match(/\d+/g).map(Number);
      const group = (name) => entities.locator('.monaco-list-row', { hasText: new RegExp(`${name}\\s*\\d+`) }).first();
      const groupCount = async (name) => Number((await group(name).innerText()).match(/(\d+)\s*$/)[1]);
      assert.equal(statusSpeakers, await groupCount('Speakers'), 'speakers: status bar vs Entities view');
      await screenshot(page, results, 'reading-highlights-entities');
      // Every group starts open: fold those above the places, as a reader would, to bring them into view.
      for (const name of ['Speakers', 'Persons', 'Organisations']) {
        const row = group(name);
        await row.waitFor();
        if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
        await entities.locator(`.monaco-list-row[aria-expanded="false"]`, { hasText: new RegExp(`${name}\\s*\\d+`) }).waitFor();
      }
      await group('Places').waitFor();
      assert.equal(statusOrganisations, await groupCount('Organisations'), 'organisations: status bar vs Entities view');
      assert.equal(statusPlaces, await groupCount('Places'), 'places: status bar vs Entities view');
      await screenshot(page, results, 'reading-entities-groups');
    },
  },
  {
    name: 'an organisation has its own colour and its own hover card',
    async run({ page, results }) {
      await openTape(page);
      const coloured = async (text) => (await decorationsUnder(page, await textRect(page, text))).find((d) => d.bg !== 'rgba(0, 0, 0, 0)');
      const org = await coloured('Islamic State');
      const speaker = await coloured('Abu Bakr al-Baghdadi');
      const place = await coloured('Nineveh province');
      assert.ok(org, 'the organisation has a coloured box under it');
      assert.ok(org.bg !== speaker?.bg && org.bg !== place?.bg, `organisations are coloured apart (${org.bg} vs ${speaker?.bg}, ${place?.bg})`);
      const r = await textRect(page, 'Islamic State');
      const hover = page.locator('.monaco-hover:visible', { hasText: 'in the corpus' });
      for (let attempt = 0; attempt < 3 && !(await hover.isVisible()); attempt++) {
        await page.mouse.move(r.x - 30, r.y + r.height / 2);
        await page.mouse.move(r.x + r.width / 3, r.y + r.height / 2, { steps: 5 });
        await hover.waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      await hover.waitFor({ timeout: 5_000 });
      const text = await hover.innerText();
      assert.match(text, /Islamic State/);
      assert.match(text, /Organisation/);
      await screenshot(page, results, 'organisation-highlight-hover');
    },
  },
  {
    name: 'hovering a name shows its card',
    async run({ page, results }) {
      await openTape(page);
      const r = await textRect(page, 'Abu Bakr al-Baghdadi');
      const hover = page.locator('.monaco-hover:visible', { hasText: 'in the corpus' });
      // Move onto the name the way a hand does: from beside it, in steps.
      for (let attempt = 0; attempt < 3 && !(await hover.isVisible()); attempt++) {
        await page.mouse.move(r.x - 30, r.y + r.height / 2);
        await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 5 });
        await hover.waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      await hover.waitFor({ timeout: 5_000 });
      const text = await hover.innerText();
      assert.match(text, /Abu Bakr al-Baghdadi/);
      assert.match(text, /Speaker/);
      assert.match(text, /Show all mentions/);
      await screenshot(page, results, 'hover-card');
    },
  },
];
