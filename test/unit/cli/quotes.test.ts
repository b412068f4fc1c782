import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { createCorrection, SidecarStore } from '../../../src/core/annotations';
import { NodeFileSystem } from '../../../src/node/fsPort';
import { DOCS } from '../analysis/fixtures';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(...s.split('\n')), (s) => err.push(s));
  return { code, out, err: err.join('\n') };
}

describe('corpus-lens export: quotations, speakers and corrections', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-quotes-'));
  for (const [name, text] of Object.entries(DOCS)) writeFileSync(path.join(dir, name), text);
  // The analyst named the envoy in full in the corpus file (the entity's id follows its name), and said "Idlib" is no entity in cairo.txt.
  writeFileSync(path.join(dir, 'corpus-lens.yaml'), 'version: 1\nentities:\n  - id: samira-haddad\n    name: Samira Haddad-Nour\n    type: person\n    aliases: []\n    merged: []\ntags: []\n');
  const cairo = path.join(dir, 'cairo.txt');
  const idlib = DOCS['cairo.txt'].indexOf('Idlib');
  before(async () => {
    const text = DOCS['cairo.txt'];
    const r = await new SidecarStore(new NodeFileSystem()).update(cairo, text, (file) => file.apply([{ kind: 'addCorrection', correction: createCorrection(text, idlib, idlib + 5, { action: 'not-entity', author: 'lena', taken: new Set() }) }]));
    assert.equal(r.kind, 'written');
  });

  it('--format quotes writes every quotation with speaker id and name, offsets, date and place as CSV', async () => {
    const r = await run('export', dir, '--format', 'quotes');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out[0], 'file,start,end,speaker_id,speaker,quotation,date,date_source,place_id,place');
    const row = r.out.find((l) => l.includes('We will not sign'));
    assert.equal(row, `${path.relative(process.cwd(), cairo)},142,180,samira-haddad-nour,Samira Haddad-Nour,"We will not sign anything this year,",2021-03-03,inferred,cairo,Cairo`);
    assert.equal(r.out.length, 1 + 7, 'one row per quotation of the three reports');
    assert.ok(r.out.some((l) => /,,,"?no surrender/.test(l)), 'an unattributed quotation has no speaker');
  });

  it('--format quotes --jsonl writes one object per quotation, with the statement’s own date', async () => {
    const r = await run('export', dir, '--format', 'quotes', '--jsonl');
    assert.equal(r.code, 0, r.err);
    const rows = r.out.map((l) => JSON.parse(l));
    const ready = rows.find((x) => x.quotation === 'We are ready,');
    assert.deepEqual([ready.speaker_id, ready.speaker, ready.date, ready.date_source, ready.place], ['samira-haddad-nour', 'Samira Haddad-Nour', '2021-05-04', 'statement', 'Geneva']);
  });

  it('the existing formats carry the analyst’s corrections and, with --entities, the quotations’ speakers', async () => {
    const jsonl = (await run('export', cairo, '--format', 'jsonl', '--entities')).out.map((l) => JSON.parse(l));
    const correction = jsonl.find((x) => x.kind === 'correction');
    assert.deepEqual([correction.action, correction.start, correction.exact, correction.author], ['not-entity', idlib, 'Idlib', 'lena']);
    assert.ok(!jsonl.some((x) => x.kind === 'mention' && x.text === 'Idlib'), 'the correction is applied to the mentions');
    assert.ok(jsonl.some((x) => x.kind === 'quote' && x.speaker === 'samira-haddad-nour' && x.speakerName === 'Samira Haddad-Nour'));
    const csv = (await run('export', cairo, '--format', 'csv', '--entities')).out;
    assert.ok(csv[0].endsWith(',action,name,speaker,speaker_name,date'));
    assert.ok(csv.some((l) => l.startsWith('correction,') && l.includes(',not-entity,')));
    assert.ok(csv.some((l) => l.startsWith('quote,') && l.includes(',samira-haddad-nour,Samira Haddad-Nour,')));
    const w3c = JSON.parse((await run('export', cairo, '--format', 'w3c', '--entities')).out.join('\n'));
    assert.ok(w3c.first.items.some((i: { motivation?: string }) => i.motivation === 'editing'));
    assert.ok(w3c.first.items.some((i: { body?: { value: string }[] }) => i.body?.some((b) => b.value === 'quotation') && i.body?.some((b) => b.value === 'samira-haddad-nour')));
    const brat = (await run('export', cairo, '--format', 'brat', '--entities')).out;
    assert.ok(brat.some((l) => /^T\d+\tCorrection \d+ \d+\tIdlib$/.test(l)));
    assert.ok(brat.some((l) => /AnnotatorNotes T\d+\tspeaker samira-haddad-nour \(Samira Haddad-Nour\)/.test(l)));
  });
});
