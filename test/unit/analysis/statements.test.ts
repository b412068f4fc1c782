import * as assert from 'node:assert/strict';
import { documentStatements, groupStatements, matchesFilter, quoteText, statementTable, type Statement } from '../../../src/core/analysis/statements';
import { DOCS, fixtureIndex } from './fixtures';

/** Every statement of the fixture corpus, with words and sentence dates read from the texts. */
function statements() {
  const index = fixtureIndex();
  const list: Statement[] = [];
  const words = new Map<Statement, string>();
  for (const doc of index.documents()) {
    const scan = index.scan(doc)!;
    const texts = Array.from({ length: scan.quoteCount }, (_, q) => quoteText(DOCS[doc], scan.quoteStart(q), scan.quoteEnd(q)));
    const got = documentStatements(doc, scan, texts);
    got.forEach((s, i) => words.set(s, texts[i].words));
    list.push(...got);
  }
  return { index, list, words, said: (w: string) => list.find((s) => words.get(s)?.startsWith(w))! };
}

describe('statements', () => {
  it('should give every quotation its speaker, words, document date and dateline place', () => {
    const { said, words } = statements();
    const s = said('We will not sign');
    assert.equal(s.speaker, 'samira-haddad');
    assert.equal(words.get(s), 'We will not sign anything this year,');
    assert.equal(DOCS['cairo.txt'].slice(s.start, s.end), '"We will not sign anything this year,"');
    assert.equal(s.date, '2021-03-03');
    assert.equal(s.dateSource, 'inferred');
    assert.equal(s.place, 'cairo');
    assert.ok(s.entities.includes('egypt'), 'the paragraph’s entities');
  });

  it('should take a date written in the statement’s own sentence over the document’s', () => {
    const s = statements().said('We are ready');
    assert.equal(s.date, '2021-05-04');
    assert.equal(s.dateSource, 'statement');
  });

  it('should not take the dateline’s date, nor a date after the report, as the statement’s', () => {
    const { said } = statements();
    assert.deepEqual([said('We came to listen').date, said('We came to listen').dateSource], ['2021-05-06', 'inferred']);
    assert.deepEqual([said('We will meet again').date, said('We will meet again').dateSource], ['2021-05-06', 'inferred']);
  });

  it('should keep the document’s date when no text is given', () => {
    const index = fixtureIndex();
    const got = documentStatements('geneva.txt', index.scan('geneva.txt')!);
    assert.ok(got.every((s) => s.date === '2021-05-06' && s.dateSource === 'inferred'));
  });

  it('should group by speaker, most quoted first, unattributed quotations last', () => {
    const { list } = statements();
    const groups = groupStatements(list, 'speaker');
    assert.deepEqual(
      groups.map((g) => [g.key, g.statements.length]),
      [
        ['samira-haddad', 4],
        ['omar-baraka', 2],
        ['', 1],
      ],
    );
    // Within a group, oldest first.
    assert.deepEqual(groups[0].statements.map((s) => s.date), ['2021-03-03', '2021-05-04', '2021-05-06', '2021-05-06']);
  });

  it('should group by month and by document', () => {
    const { list } = statements();
    assert.deepEqual(groupStatements(list, 'month').map((g) => g.key), ['2021-03', '2021-04', '2021-05']);
    assert.deepEqual(groupStatements(list, 'document').map((g) => g.key), ['cairo.txt', 'aleppo.txt', 'geneva.txt']);
  });

  it('should filter by speaker, entity, date range, tag and text', () => {
    const { list, words } = statements();
    const ctx = { words: (s: Statement) => words.get(s), tags: (s: Statement) => (s.doc === 'aleppo.txt' ? ['claim'] : []) };
    const keep = (f: Parameters<typeof matchesFilter>[1]) => list.filter((s) => matchesFilter(s, f, ctx)).map((s) => words.get(s));
    assert.deepEqual(keep({ speakers: [''] }), ['no surrender']);
    assert.deepEqual(keep({ entity: 'aleppo' }).sort(), ['The ceasefire holds,', 'There is nothing to negotiate,', 'no surrender'].sort());
    assert.deepEqual(keep({ from: '2021-04', to: '2021-04' }).sort(), ['There is nothing to negotiate,', 'no surrender'].sort());
    assert.deepEqual(keep({ from: '2021-05-05' }), ['We came to listen,', 'We will meet again,']);
    assert.deepEqual(keep({ tag: 'claim', speakers: ['omar-baraka'] }), ['There is nothing to negotiate,']);
    assert.deepEqual(keep({ text: 'NEGOTIATE' }), ['There is nothing to negotiate,']);
  });

  it('should export speaker id and name, quotation, document, offsets, date and place', () => {
    const { index, list, words } = statements();
    const table = statementTable(list.slice(0, 1), { file: (d) => `corpus/${d}`, words: (s) => words.get(s), entity: (id) => index.entity(id) });
    assert.deepEqual(table.rows[0], { file: 'corpus/cairo.txt', start: 142, end: 180, speaker_id: 'samira-haddad', speaker: 'Samira Haddad', quotation: 'We will not sign anything this year,', date: '2021-03-03', date_source: 'inferred', place_id: 'cairo', place: 'Cairo' });
  });

  it('should read the words without marks and the sentence around a quotation', () => {
    const text = 'Intro.\n\nHe spoke. “Stand firm,” he said on Friday. Then he left.\n';
    const start = text.indexOf('“');
    const q = quoteText(text, start, text.indexOf('”') + 1);
    assert.equal(q.words, 'Stand firm,');
    assert.equal(text.slice(q.sentenceStart, q.sentenceEnd), '“Stand firm,” he said on Friday.');
  });
});
