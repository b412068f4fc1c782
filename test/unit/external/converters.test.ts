import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// The converters are plain ES modules run by node (scripts/external); a real import() keeps them so.
const load = new Function('p', 'return import(p)') as (p: string) => Promise<Record<string, (...a: unknown[]) => unknown>>;
const script = (name: string) => path.join(__dirname, '..', '..', '..', 'scripts', 'external', name);

interface Doc {
  name: string;
  text: string;
  gold: { documentDate: string | null; sport?: boolean; mentions: { start: number; end: number; text: string; type: string; timemlValue?: string }[]; quotes?: { start: number; end: number; category: string; names?: { text: string }[] }[] };
}

describe('converters of public corpora (written for these tests, not taken from them)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-ext-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('CoNLL: rebuilds running text, spans of persons, places and organisations, the dateline date, sports apart', async () => {
    const lines = [
      '-DOCSTART- -X- O O', '',
      'MINISTRY NNP B-NP I-ORG', 'WARNS VBZ B-VP O', 'ON IN B-PP O', 'GRAIN NN B-NP O', '', // headline
      'OSLO NNP B-NP I-LOC', '1996-09-02 CD I-NP O', '',
      'The DT B-NP O', 'Farm NNP I-NP I-ORG', 'Ministry NNP I-NP I-ORG', 'said VBD B-VP O', '" " O O', 'stocks NNS B-NP O', 'are VBP B-VP O', 'low JJ B-ADJP O', '" " O O', ', , O O', 'Kari NNP B-NP I-PER', 'Lund NNP I-NP I-PER', "'s POS B-NP O", 'aide NN I-NP O', 'told VBD B-VP O', 'Reuters NNP B-NP I-ORG', '. . O O', '',
      '-DOCSTART- -X- O O', '',
      'TENNIS NNP B-NP O', '- : O O', 'RESULTS NNS B-NP O', '', 'Anna NNP B-NP I-PER', 'Berg NNP I-NP I-PER', 'beat VBD B-VP O', 'Eva NNP B-NP I-PER', 'Holm NNP I-NP I-PER', '', ''];
    writeFileSync(path.join(dir, 'eng.train'), lines.join('\n'));
    const { convertConll } = await load(script('conll.mjs'));
    const docs = convertConll(dir, 'train') as Doc[];
    assert.equal(docs.length, 2);
    const [news, sport] = docs;
    assert.equal(news.text, 'MINISTRY WARNS ON GRAIN\n\nOSLO 1996-09-02\n\nThe Farm Ministry said "stocks are low", Kari Lund\'s aide told Reuters.\n');
    assert.equal(news.gold.documentDate, '1996-09-02');
    assert.deepEqual(news.gold.mentions.map((m) => [m.type, m.text, news.text.slice(m.start, m.end)]), [
      ['organization', 'MINISTRY', 'MINISTRY'], ['place', 'OSLO', 'OSLO'], ['organization', 'Farm Ministry', 'Farm Ministry'], ['person', 'Kari Lund', 'Kari Lund'], ['organization', 'Reuters', 'Reuters'],
    ]);
    assert.equal(news.gold.sport, false);
    assert.equal(sport.gold.sport, true);
    assert.deepEqual(sport.gold.mentions.map((m) => m.text), ['Anna Berg', 'Eva Holm']);
  });

  it('CoNLL: the reserved test split is not a split it reads', async () => {
    const { convertConll } = await load(script('conll.mjs'));
    assert.throws(() => convertConll(dir, 'test'));
  });

  it('TimeML: the text of <TEXT> without tags, DATE and TIME expressions with values, the creation time as document date', async () => {
    const tml = `<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1999-03-04" functionInDocument="CREATION_TIME">19990304</TIMEX3></DCT>\n<TEXT>\nThe board <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1999-03-03">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="PT2H">two hours</TIMEX3> &amp; agreed to act <TIMEX3 tid="t3" type="DATE" value="FUTURE_REF">soon</TIMEX3>.\n</TEXT>\n</TimeML>\n`;
    mkdirSync(path.join(dir, 'TimeBank'));
    writeFileSync(path.join(dir, 'TimeBank', 'X1.tml'), tml);
    writeFileSync(path.join(dir, 'TimeBank', '._X1.tml'), 'resource fork');
    const { convertTimeml } = await load(script('timeml.mjs'));
    const [doc] = convertTimeml(dir) as Doc[];
    assert.equal(doc.text, 'The board met yesterday for two hours & agreed to act soon.\n');
    assert.equal(doc.gold.documentDate, '1999-03-04');
    assert.deepEqual(doc.gold.mentions.map((m) => [doc.text.slice(m.start, m.end), m.timemlValue]), [['yesterday', '1999-03-03'], ['soon', 'FUTURE_REF']]);
  });

  it('PolNeAR: each quotation with the source of the attribution holding it, classified by the CoreNLP layer', async () => {
    const text = 'Mayor Ann Cole said “we will rebuild.” Critics called it “a fantasy.” A “record” year, the report claimed.\n';
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length];
    const [s1, e1] = at('Mayor Ann Cole');
    const [c1, d1] = at('we will rebuild.');
    const [s2, e2] = at('Critics');
    const [c2, d2] = at('a fantasy.');
    const ann = [`T1\tSource ${s1} ${e1}\tMayor Ann Cole`, `T2\tContent ${c1} ${d1}\twe will rebuild.`, `T3\tAttribution ${s1} ${e1}\tx`, 'E1\tAttribution:T3 Content:T2 Source:T1',
      `T4\tSource ${s2} ${e2}\tCritics`, `T5\tContent ${c2} ${d2}\ta fantasy.`, `T6\tAttribution ${s2} ${e2}\tx`, 'E2\tAttribution:T6 Content:T5 Source:T4'].join('\n');
    const token = (id: number, w: string, ner: string) => {
      const b = text.indexOf(w);
      return `<token id="${id}"><word>${w}</word><CharacterOffsetBegin>${b}</CharacterOffsetBegin><CharacterOffsetEnd>${b + w.length}</CharacterOffsetEnd><POS>NNP</POS><NER>${ner}</NER></token>`;
    };
    const xml = `<root><document><sentences><sentence id="1"><tokens>${token(1, 'Mayor', 'O')}${token(2, 'Ann', 'PERSON')}${token(3, 'Cole', 'PERSON')}${token(4, 'Critics', 'O')}</tokens></sentence></sentences></document></root>`;
    for (const sub of ['text', 'attributions', 'corenlp']) mkdirSync(path.join(dir, 'data', 'dev', sub), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'dev', 'text', 'a.txt'), text);
    writeFileSync(path.join(dir, 'data', 'dev', 'attributions', 'a_00ff.ann'), ann);
    writeFileSync(path.join(dir, 'data', 'dev', 'corenlp', 'a.txt.xml'), xml);
    const { convertPolnear } = await load(script('polnear.mjs'));
    const [doc] = convertPolnear(dir, 'dev') as Doc[];
    assert.deepEqual(doc.gold.quotes?.map((q) => [text.slice(q.start, q.end), q.category, (q.names ?? []).map((n) => n.text)]), [
      ['“we will rebuild.”', 'person', ['Ann Cole']],
      ['“a fantasy.”', 'unnamed', []],
      ['“record”', 'none', []],
    ]);
    assert.throws(() => convertPolnear(dir, 'test'), /not read/);
  });
});
