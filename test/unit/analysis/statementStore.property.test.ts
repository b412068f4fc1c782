import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { StatementGroups } from '../../../src/core/analysis/statementGroups';
import { StatementStore } from '../../../src/core/analysis/statementStore';
import { documentStatements, groupStatements, quoteText, type QuoteText, type Statement } from '../../../src/core/analysis/statements';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';

// Whatever documents are written, rewritten and removed, and whenever the store is brought up to
// date (whole or in slices) or handed texts, its statements are those a full rebuild from the index
// gives; the words it holds are those of the documents' current texts.

const DATELINES = ['CAIRO, Egypt, March 3, 2021 (Nile Wire) —', 'ALEPPO, Syria, April 10, 2021 (Levant Wire) —', 'GENEVA, Switzerland, May 6, 2021 (Alpine Wire) —'];
const PARAGRAPHS = [
  '"We will hold the line," said Omar Baraka, a commander in Aleppo.',
  'The envoy Samira Haddad said on Monday that "the talks will take months."',
  '"Nothing is agreed," Haddad said on May 4, 2021.',
  'Rebels met in Homs and Idlib to discuss the plan.',
  '"The roads are closed," a witness said.',
  '"We came to listen," said Lina Farouk, a spokeswoman in Cairo.',
  'Farouk said that "the talks resume in June."',
  '"Aid must reach Aleppo," Baraka told reporters in Homs.',
];
const DOCS = ['a.txt', 'b.txt', 'c.txt', 'd.txt'];

type Op =
  | { kind: 'write'; doc: number; dateline: number; paragraphs: number[] }
  | { kind: 'remove'; doc: number }
  | { kind: 'update'; every: number }
  | { kind: 'texts'; limit: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('write' as const), doc: fc.nat({ max: DOCS.length - 1 }), dateline: fc.nat({ max: DATELINES.length - 1 }), paragraphs: fc.array(fc.nat({ max: PARAGRAPHS.length - 1 }), { minLength: 0, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), doc: fc.nat({ max: DOCS.length - 1 }) }) },
  // Brought up to date in slices: stopped after every `every` documents (0: at once).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), every: fc.nat({ max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('texts' as const), limit: fc.integer({ min: 1, max: 3 }) }) },
);

function textOf(op: Extract<Op, { kind: 'write' }>): string {
  const [first, ...rest] = op.paragraphs.map((p) => PARAGRAPHS[p]);
  return ['Report', '', `${DATELINES[op.dateline]} ${first ?? 'Nothing was said.'}`, ...rest.flatMap((p) => ['', p]), ''].join('\n');
}

const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

/** What a store must hold for one document: its statements made afresh, with texts when the store holds any. */
function expected(index: CorpusIndex, store: StatementStore, texts: Map<string, string>, doc: string): { statements: Statement[]; words: (string | undefined)[] } {
  const scan = index.scan(doc)!;
  const held = store.statementsOf(doc);
  const withTexts = held.some((s) => store.words(s) !== undefined);
  let quotes: QuoteText[] | undefined;
  if (withTexts) {
    quotes = [];
    for (let q = 0; q < scan.quoteCount; q++) quotes.push(quoteText(texts.get(doc)!, scan.quoteStart(q), scan.quoteEnd(q)));
  }
  return { statements: documentStatements(doc, scan, quotes), words: quotes ? quotes.map((t) => t.words) : held.map(() => undefined) };
}

describe('statement store: the same as a full rebuild after any sequence of changes (property)', () => {
  it('writes, rewrites, removals, updates in slices and texts handed in (300 runs)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 14 }), (ops) => {
        const index = new CorpusIndex({ hash: sha1 });
        const store = new StatementStore(index);
        const sub = index.onDidChange(({ docs }) => store.invalidate(docs));
        const texts = new Map<string, string>();
        // The view's groups, kept up to date by the store's changes: every grouping, and one filter
        // that reads the words (which arrive with the texts).
        const keep = (s: Statement) => s.speaker === 'omar-baraka' || !!store.words(s)?.includes('talks');
        const kept = [...(['speaker', 'document', 'month'] as const).map((by) => StatementGroups.of([], by)), StatementGroups.of([], 'speaker', keep)];
        store.watch((_doc, before, after) => kept.forEach((g) => g.change(before, after)));
        for (const op of ops) {
          if (op.kind === 'write') {
            const text = textOf(op);
            texts.set(DOCS[op.doc], text);
            index.update(DOCS[op.doc], text);
          } else if (op.kind === 'remove') {
            texts.delete(DOCS[op.doc]);
            index.remove(DOCS[op.doc]);
          } else if (op.kind === 'update') {
            let n = 0;
            while (!store.update(() => op.every > 0 && n++ % op.every === op.every - 1));
          } else {
            // The texts read now; the store takes them only if the document did not change meanwhile.
            for (const w of store.wanted(op.limit)) {
              const text = texts.get(w.doc);
              if (text === undefined) continue;
              const quotes: QuoteText[] = [];
              for (let i = 0; i < w.spans.length; i += 2) quotes.push(quoteText(text, w.spans[i], w.spans[i + 1]));
              store.setTexts(w.doc, w.analysis, quotes);
            }
          }
        }
        store.update();
        const all: Statement[] = [];
        for (const doc of index.documents()) {
          const want = expected(index, store, texts, doc);
          assert.deepEqual(store.statementsOf(doc), want.statements, doc);
          assert.deepEqual(
            store.statementsOf(doc).map((s) => store.words(s)),
            want.words,
            `${doc}: words of its current text`,
          );
          all.push(...want.statements);
        }
        assert.deepEqual(store.list(), all);
        // The groups kept up to date are those made afresh, in the same order.
        for (const g of kept) {
          const afresh = groupStatements(g === kept[3] ? all.filter(keep) : [...all], g.grouping);
          assert.deepEqual(g.groups().map((x) => ({ key: x.key, statements: [...x.statements] })), afresh, g.grouping);
          assert.equal(g.size, afresh.reduce((n, x) => n + x.statements.length, 0));
        }
        sub.dispose();
      }),
      { numRuns: 300 },
    );
  });
});
