import * as assert from 'node:assert/strict';
import { applyEdits, reanchor, targetAt, type Anchorable, type TextChange } from '../../../src/core/annotations';

const P1 = 'The minister said the talks had failed after three days of negotiation.';
const P2 = 'The envoy disagreed, calling the interruption "a pause, not an end".';
const P3 = 'Both sides will meet again in Geneva next month, officials said.';
const TEXT = [P1, P2, P3].join('\n\n');

function on(text: string, quote: string, nth = 0): Anchorable {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(quote, i + 1);
  assert.ok(i >= 0, `"${quote}" is in the text`);
  return { target: targetAt(text, i, i + quote.length) };
}

function edit(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}

function at(text: string, a: Anchorable): string {
  return text.slice(a.target.start, a.target.end);
}

describe('applyEdits: following edits made in the editor', () => {
  const a = on(TEXT, 'calling the interruption');

  it('shifts an annotation when text is inserted before it, and not when inserted after', () => {
    const before = { start: 0, end: 0, text: 'GENEVA — ' };
    const t1 = edit(TEXT, before);
    const [r] = applyEdits([a], [before], t1);
    assert.equal(r.outcome, 'moved');
    assert.equal(at(t1, r.item), 'calling the interruption');
    const after = { start: TEXT.length, end: TEXT.length, text: ' (Reuters)' };
    assert.equal(applyEdits([a], [after], edit(TEXT, after))[0].outcome, 'unchanged');
  });

  it('treats typing at either edge as outside the passage', () => {
    for (const pos of [a.target.start, a.target.end]) {
      const c = { start: pos, end: pos, text: 'X' };
      const t = edit(TEXT, c);
      const [r] = applyEdits([a], [c], t);
      assert.equal(r.item.target.exact, 'calling the interruption');
      assert.equal(at(t, r.item), 'calling the interruption');
    }
  });

  it('keeps the annotation and takes the new wording when the passage is edited inside', () => {
    const i = TEXT.indexOf('interruption');
    const c = { start: i, end: i + 'interruption'.length, text: 'break' };
    const t = edit(TEXT, c);
    const [r] = applyEdits([a], [c], t);
    assert.equal(r.outcome, 'edited');
    assert.equal(r.item.target.exact, 'calling the break');
    assert.equal(at(t, r.item), 'calling the break');
  });

  it('trims to what survives when an edit from outside removes one end of the passage', () => {
    const i = TEXT.indexOf('disagreed, calling');
    const c = { start: i, end: i + 'disagreed, calling '.length, text: 'said: ' };
    const t = edit(TEXT, c);
    const [r] = applyEdits([a], [c], t);
    assert.equal(r.outcome, 'edited');
    assert.equal(r.item.target.exact, 'the interruption');
  });

  it('orphans the annotation when the whole passage is deleted, keeping the quote', () => {
    const c = { start: TEXT.indexOf(P2), end: TEXT.indexOf(P2) + P2.length, text: '' };
    const [r] = applyEdits([a], [c], edit(TEXT, c));
    assert.equal(r.outcome, 'orphaned');
    assert.equal(r.item.status, 'orphaned');
    assert.equal(r.item.target.exact, 'calling the interruption');
  });

  it('finds the passage again when its paragraph is cut and pasted elsewhere', () => {
    const cut = { start: TEXT.indexOf(P2), end: TEXT.indexOf(P2) + P2.length + 2, text: '' };
    const t1 = edit(TEXT, cut);
    const paste = { start: t1.length, end: t1.length, text: '\n\n' + P2 };
    const t2 = edit(t1, paste);
    const [r1] = applyEdits([a], [cut], t1);
    assert.equal(r1.outcome, 'orphaned');
    const [r2] = reanchor([r1.item], t1, t2);
    assert.equal(r2.outcome, 'relocated');
    assert.equal(at(t2, r2.item), 'calling the interruption');
    assert.equal(r2.item.status, undefined);
  });

  it('relocates within a whole-text replacement when the quote is still there', () => {
    const c = { start: 0, end: TEXT.length, text: TEXT.replace('minister', 'Minister') };
    const [r] = applyEdits([a], [c], c.text);
    assert.equal(r.outcome, 'relocated');
    assert.equal(at(c.text, r.item), 'calling the interruption');
  });
});

describe('reanchor: text changed outside the editor', () => {
  const a = on(TEXT, 'calling the interruption');

  it('keeps offsets that still hold the quote', () => {
    assert.equal(reanchor([a], undefined, TEXT)[0].outcome, 'unchanged');
  });

  it('maps offsets through the change when the old text is known', () => {
    const t = 'UPDATED: ' + TEXT;
    const [r] = reanchor([a], TEXT, t);
    assert.equal(r.outcome, 'moved');
    assert.equal(at(t, r.item), 'calling the interruption');
  });

  it('finds the quote elsewhere when the old text is not known', () => {
    const t = 'UPDATED: ' + TEXT;
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'relocated');
    assert.equal(at(t, r.item), 'calling the interruption');
  });

  it('follows moved paragraphs', () => {
    const t = [P3, P2, P1].join('\n\n');
    const [r] = reanchor([a], TEXT, t);
    assert.equal(at(t, r.item), 'calling the interruption');
  });

  it('orphans a passage whose duplicates cannot be told apart', () => {
    const doubled = `${P2}\n\n${P2}`;
    const second = on(doubled, 'calling the interruption', 1);
    // The third copy has the same context as the second: nothing says which one was meant.
    const t = `Intro.\n\n${P2}\n\n${P2}\n\n${P2}`;
    const [r] = reanchor([second], undefined, t);
    assert.equal(r.outcome, 'orphaned');
    assert.equal(r.item.target.exact, 'calling the interruption');
  });

  it('tells duplicates apart by their context', () => {
    const t0 = `First: ${P2}\n\nSecond: ${P2}`;
    const second = on(t0, 'The envoy disagreed', 1);
    const t = 'Intro.\n' + t0;
    const [r] = reanchor([second], undefined, t);
    assert.equal(r.item.target.start, t.lastIndexOf('The envoy disagreed'));
  });

  it('survives whitespace changes (reflowed lines, doubled spaces)', () => {
    const b = on(TEXT, 'Both sides will meet again in Geneva');
    const t = TEXT.replace('will meet again', 'will\n  meet   again');
    const [r] = reanchor([b], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'Both sides will\n  meet   again in Geneva');
  });

  it('places a lightly edited passage approximately, with its context', () => {
    const b = on(TEXT, 'the talks had failed after three days');
    const t = TEXT.replace('three days', 'four days');
    const [r] = reanchor([b], TEXT, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'the talks had failed after four days');
  });

  it('orphans a passage that was rewritten beyond recognition, and never drops it', () => {
    const b = on(TEXT, 'the talks had failed after three days');
    const t = TEXT.replace('the talks had failed after three days', 'a deal was within reach by Sunday');
    const [r] = reanchor([b], TEXT, t);
    assert.equal(r.outcome, 'orphaned');
    assert.equal(r.item.target.exact, 'the talks had failed after three days');
  });

  it('does not place a short quote on a chance occurrence without its context', () => {
    const b = on(TEXT, 'said', 0);
    const t = 'He said nothing.';
    assert.equal(reanchor([b], TEXT, t)[0].outcome, 'orphaned');
  });

  it('gives an orphan a second chance when its passage comes back', () => {
    const orphan = { ...a, status: 'orphaned' as const, target: { ...a.target, start: 0, end: 0 } };
    const [r] = reanchor([orphan], undefined, TEXT);
    assert.equal(r.outcome, 'relocated');
    assert.equal(r.item.status, undefined);
  });
});
