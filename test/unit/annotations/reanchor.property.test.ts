import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { retypedOnlyBy, someAlignmentKeeps } from './fuzz/harness';
import { applyEdits, reanchor, targetAt, trimmedChange, type Anchorable, type TextChange } from '../../../src/core/annotations';

// Every character carries an identity: `o<i>` for the i-th character of the original text, `n<k>` for
// inserted ones. The oracle checks placement by identity, which offsets alone cannot fake.
type Char = { ch: string; id: string };

const ALPHABET = 'abcdefghij .,\n';
const textArb = fc.string({ unit: fc.constantFrom(...ALPHABET.split('')), minLength: 20, maxLength: 120 });
const insertArb = fc.string({ unit: fc.constantFrom(...'ABCDEFabc \n'.split('')), maxLength: 12 });
const changeArb = fc.record({ a: fc.nat(), b: fc.nat({ max: 15 }), text: insertArb });

interface Case {
  text: string;
  spans: [number, number][];
  changes: { a: number; b: number; text: string }[];
}

const caseArb: fc.Arbitrary<Case> = textArb.chain((text) =>
  fc.record({
    text: fc.constant(text),
    spans: fc.array(fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 30 })).map(([s, l]) => [s, Math.min(text.length, s + l)] as [number, number]), { minLength: 1, maxLength: 6 }),
    changes: fc.array(changeArb, { minLength: 1, maxLength: 8 }),
  }),
);

function apply(chars: Char[], c: TextChange, serial: { n: number }): Char[] {
  const ins = [...c.text].map((ch) => ({ ch, id: `n${serial.n++}` }));
  return [...chars.slice(0, c.start), ...ins, ...chars.slice(c.end)];
}

const str = (chars: Char[]) => chars.map((c) => c.ch).join('');

describe('re-anchoring properties: on the right text or orphaned, never elsewhere, never lost', () => {
  it('the judge pairs either of two equal characters, and never text outside the passage', () => {
    // `hh  .a` → `h .a`: the `h` left may be the passage's (the second) or the one before it.
    assert.ok(someAlignmentKeeps('cachh  .a.', 'cach .a.', 3, 7, 4, 9));
    // A copy of the words elsewhere is never the passage's, by any pairing.
    assert.ok(!someAlignmentKeeps('abc x abc', 'abc x abc', 0, 3, 6, 9));
    // Letters typed since next to the passage's own count; a span of typed letters alone does not.
    assert.ok(someAlignmentKeeps('one two three', 'one twoXX three', 4, 9, 4, 7));
    assert.ok(!someAlignmentKeeps('one two three', 'one XXXX three', 4, 8, 4, 7));
  });

  it('applyEdits over random edit sequences (2000 runs)', () => {
    fc.assert(
      fc.property(caseArb, ({ text, spans, changes }) => {
        let chars: Char[] = [...text].map((ch, i) => ({ ch, id: `o${i}` }));
        const serial = { n: 0 };
        let items: (Anchorable & { id: string; owned: Set<string> })[] = spans.map(([s, e], k) => ({ id: `a${k}`, target: targetAt(text, s, e), owned: new Set(chars.slice(s, e).map((c) => c.id)) }));
        const outside = (it: { owned: Set<string> }, id: string) => id.startsWith('o') && !it.owned.has(id);
        for (const raw of changes) {
          const start = raw.a % (chars.length + 1);
          const end = Math.min(chars.length, start + raw.b);
          const change = { start, end, text: raw.text };
          const quotesBefore = new Map(items.map((it) => [it.id, it.target.exact]));
          chars = apply(chars, change, serial);
          const now = str(chars);
          const result = applyEdits(items, [change], now);
          assert.equal(result.length, items.length, 'nothing dropped');
          items = result.map((r, k) => {
            const it = { ...r.item, owned: items[k].owned };
            assert.equal(it.id, items[k].id);
            if (r.outcome === 'orphaned') {
              assert.equal(it.status, 'orphaned');
              assert.equal(it.target.exact, quotesBefore.get(it.id), 'an orphan keeps its quote');
              return it;
            }
            assert.equal(it.status, undefined);
            const span = chars.slice(it.target.start, it.target.end);
            assert.equal(str(span), it.target.exact, 'exact is the text under the annotation');
            assert.ok(span.length > 0);
            if (r.outcome === 'relocated') {
              assert.equal(it.target.exact, quotesBefore.get(it.id), 'relocated only onto an exact copy of the quote');
              it.owned = new Set(span.map((c) => c.id));
            } else {
              for (const c of span) assert.ok(!outside(it, c.id), `character ${c.id} from outside the passage is under ${it.id}`);
              // Characters typed inside the passage become part of it.
              for (const c of span) it.owned.add(c.id);
            }
            return it;
          });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('applyEdits with a batch equals applying the changes one by one (1000 runs)', () => {
    fc.assert(
      fc.property(caseArb, ({ text, spans, changes }) => {
        let t = text;
        const cs: TextChange[] = [];
        for (const raw of changes) {
          const start = raw.a % (t.length + 1);
          const c = { start, end: Math.min(t.length, start + raw.b), text: raw.text };
          cs.push(c);
          t = t.slice(0, c.start) + c.text + t.slice(c.end);
        }
        const items = spans.map(([s, e]) => ({ target: targetAt(text, s, e) }));
        const batch = applyEdits(items, cs, t).filter((r) => r.outcome !== 'orphaned' && r.outcome !== 'relocated');
        for (const r of batch) assert.equal(t.slice(r.item.target.start, r.item.target.end), r.item.target.exact);
      }),
      { numRuns: 1000 },
    );
  });

  for (const withOld of [true, false]) {
    it(`reanchor after an outside change, ${withOld ? 'old text known' : 'old text unknown'} (2000 runs)`, () => {
      fc.assert(
        fc.property(caseArb, ({ text, spans, changes }) => {
          let chars: Char[] = [...text].map((ch, i) => ({ ch, id: `o${i}` }));
          const serial = { n: 0 };
          for (const raw of changes) {
            const start = raw.a % (chars.length + 1);
            chars = apply(chars, { start, end: Math.min(chars.length, start + raw.b), text: raw.text }, serial);
          }
          const now = str(chars);
          const items: (Anchorable & { id: string })[] = spans.map(([s, e], k) => ({ id: `a${k}`, target: targetAt(text, s, e) }));
          const result = reanchor(items, withOld ? text : undefined, now);
          assert.equal(result.length, items.length, 'nothing dropped');
          result.forEach((r, k) => {
            const quote = items[k].target.exact;
            assert.equal(r.item.id, items[k].id);
            if (r.outcome === 'orphaned') {
              assert.equal(r.item.status, 'orphaned');
              assert.equal(r.item.target.exact, quote);
              return;
            }
            const under = now.slice(r.item.target.start, r.item.target.end);
            assert.equal(under, r.item.target.exact);
            if (r.outcome === 'fuzzy' || r.outcome === 'edited') {
              // Never elsewhere: none of the original characters outside the passage, some of its
              // own, and characters typed since only next to its own (a letter of it retyped) — by
              // the history of edits, or by a diff of the two texts (repeated letters can be paired
              // either way, and re-anchoring only has the texts).
              const [s, e] = spans[k];
              const { start, end } = r.item.target;
              const right = (origin: (j: number) => number) => {
                const own = (j: number) => origin(j) >= s && origin(j) < e;
                let any = false;
                for (let j = start; j < end; j++) {
                  if (own(j)) any = true;
                  else if (origin(j) >= 0) return false;
                  else {
                    let l = j - 1;
                    while (l >= start && origin(l) < 0) l--;
                    let m = j + 1;
                    while (m < end && origin(m) < 0) m++;
                    if (!(l >= start && own(l)) && !(m < end && own(m))) return false;
                  }
                }
                return any;
              };
              const byHistory = (j: number) => (chars[j].id.startsWith('o') ? Number(chars[j].id.slice(1)) : -1);
              // Or the placement takes, beside its own characters, one equal to a character of the
              // passage that was deleted since (`cc` → `c` + a newline typed in place of the second):
              // the texts alone cannot tell the two apart, and the harness judges it so too.
              const retyped = () => {
                const left = new Set(chars.map((c) => c.id));
                const here = chars.slice(start, end).map((c, i) => ({ ch: c.ch, own: byHistory(start + i) >= s && byHistory(start + i) < e, free: c.id.startsWith('n') }));
                return retypedOnlyBy(quote, here, (i) => !left.has(`o${s + i}`));
              };
              assert.ok(right(byHistory) || someAlignmentKeeps(text, now, start, end, s, e) || retyped(), `${r.outcome} match "${under}" is not on "${quote}"`);
            } else assert.equal(under, quote, 'placed only on text equal to the quote');
          });
          // Completeness: an untouched passage is always found at its own characters when its quote is
          // unique and the context stored with it is untouched too, or — old text known — when it is
          // long enough to trust and lies outside the changed stretch of text.
          const diff = trimmedChange(text, now);
          result.forEach((r, k) => {
            const [s, e] = spans[k];
            const ids = Array.from({ length: e - s }, (_, i) => `o${s + i}`);
            const at = chars.findIndex((c) => c.id === ids[0]);
            const intact = at >= 0 && ids.every((id, i) => chars[at + i]?.id === id);
            const quote = items[k].target.exact;
            const { prefix, suffix } = items[k].target;
            const around = (from: number, n: number, to: number) => Array.from({ length: n }, (_, i) => chars[to + i]?.id === `o${from + i}`).every(Boolean);
            const contextIntact = intact && around(s - prefix.length, prefix.length, at - prefix.length) && around(e, suffix.length, at + (e - s)) && (s - prefix.length > 0) === (at - prefix.length > 0);
            const outsideDiff = withOld && (e <= diff.start || s >= diff.end) && !(diff.start === diff.end && diff.start === s);
            if (intact && now.indexOf(quote) === now.lastIndexOf(quote) && (contextIntact || (quote.length >= 12 && outsideDiff))) {
              assert.notEqual(r.outcome, 'orphaned', `intact unique passage "${quote}" was orphaned`);
              assert.equal(r.item.target.start, at);
            }
          });
        }),
        { numRuns: 2000 },
      );
    });
  }
});
