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
  it('keeps a passage after the changed stretch on its own characters when the change took one of two equal letters before it', () => {
    // "Leeds" → "Leds", the passage beginning at the second `e`: either `e` may have been deleted,
    // and a diff by words takes the passage's own first letter for it.
    const old = 'Notes: we drove from Leeds road works to the coast and back.';
    const start = old.indexOf('eds road');
    const item = { target: targetAt(old, start, start + 'eds road works'.length) };
    const now = 'A ' + old.replace('Leeds', 'Leds');
    const [r] = reanchor([item], old, now);
    assert.notEqual(r.outcome, 'orphaned');
    assert.equal(now.slice(r.item.target.start, r.item.target.end), 'eds road works');
    assert.equal(r.item.target.start, start + 1);
  });

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

  it('keeps a lightly edited passage where it stands, with the new wording, when the old text is known', () => {
    const b = on(TEXT, 'the talks had failed after three days');
    const t = TEXT.replace('three days', 'four days');
    const [r] = reanchor([b], TEXT, t);
    assert.equal(r.outcome, 'edited');
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

describe('reanchor with the selectors only: what the stored context proves', () => {
  const S =
    'Officials in the northern province confirmed on Monday that the bridge over the river had been closed to all traffic until further notice. ' +
    'Residents were told to use the ferry instead.';

  it('places a passage rewritten in the middle when its context is whole on both sides', () => {
    const a = on(S, 'the bridge over the river had been closed');
    // Too much changed for an approximate match of the quote; the 64 characters around it did not.
    const t = S.replace('the bridge over the river had been closed', 'the old bridge had been closed');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'the old bridge had been closed');
  });

  it('orphans a rewritten passage when its context is whole around two places', () => {
    const a = on(S, 'the bridge over the river had been closed');
    const edited = S.replace('the bridge over the river had been closed', 'the old bridge had been closed');
    const t = `${edited}\n\n${edited}`;
    assert.equal(reanchor([a], undefined, t)[0].outcome, 'orphaned');
  });

  it('places a passage revised inside when one side of its context is whole and the other was rewritten', () => {
    const a = on(S, 'the bridge over the river had been closed');
    const t = S.replace('the bridge over the river had been closed to all traffic until further notice.', 'the bridge over the river had now been closed for repairs, engineers said.');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'the bridge over the river had now been closed');
  });

  it('keeps what is left of a passage whose end was rewritten, after its whole prefix, as the old text would', () => {
    const a = on(S, 'the bridge over the river had been closed');
    // The sentence was replaced by another that begins with the same words: the passage's end is gone,
    // its first words (more than half of it) are still there after the whole prefix.
    const t = S.replace('the bridge over the river had been closed to all traffic until further notice.', 'the bridge over the river would be inspected by engineers.');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'the bridge over the river');
    assert.equal(at(t, reanchor([a], S, t)[0].item), 'the bridge over the river');
    // Shorter: 21 characters kept of 30, with the whole prefix 53.
    const b = on(S, 'bridge over the river had been');
    const [r2] = reanchor([b], undefined, t);
    assert.equal(r2.outcome, 'fuzzy');
    assert.equal(at(t, r2.item), 'bridge over the river');
  });

  it('keeps what is left of a passage whose beginning was rewritten, before its whole suffix', () => {
    const a = on(S, 'confirmed on Monday that the bridge over the river');
    const t = S.replace('Officials in the northern province confirmed on Monday that', 'A spokesman for the governor said late on Sunday that');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'that the bridge over the river');
  });

  it('orphans a passage cut short to less than half of it, or whose kept words run into the next paragraph', () => {
    const a = on(S, 'the bridge over the river had been closed to all traffic');
    const t = S.replace('the bridge over the river had been closed to all traffic until further notice.', 'the bridge over the river would be inspected by engineers.');
    assert.equal(reanchor([a], undefined, t)[0].outcome, 'orphaned');
    // The passage's sentence ends where a new paragraph now begins with the words that followed: the
    // words after the break are the new paragraph's, and before it less than half of the passage is left.
    const old = 'The talks resumed in the capital on Monday morning. The ministers met. The envoy said the talks would go on for a week.';
    const b = on(old, 'The ministers met. The envoy said the talks would go on for a week');
    const t2 = old.replace(' The envoy said the talks would go on for a week.', '') + '\n\nThe envoy said the talks would end soon.';
    assert.equal(reanchor([b], undefined, t2)[0].outcome, 'orphaned');
  });

  it('places a passage revised in the middle at the start of the text, its short prefix still the start', () => {
    const old = 'Police said that the bridge over the river had been closed to all traffic until further notice. Residents were told to use the ferry.';
    const a = on(old, 'the bridge over the river had been closed');
    const t = old.replace('the bridge over the river had been closed', 'the old bridge had been closed');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'the old bridge had been closed');
    // No longer at the start of the text: its stored prefix is no longer all there was before it.
    assert.equal(reanchor([a], undefined, 'UPDATE: ' + t)[0].outcome, 'orphaned');
  });

  it('places a short quote by one whole side of its context where the passages around it say it is', () => {
    const old =
      'The council met on Tuesday to discuss the budget for the coming year. The mayor left early. ' +
      'Helen Park, the treasurer, told reporters the figures were sound. The session ended before noon without a vote on the proposal.';
    const items = [on(old, 'Helen'), on(old, 'ended before noon without a vote')];
    // The sentence before the name was rewritten: half its context is left, and the name is short.
    const t = 'UPDATE: ' + old.replace('The mayor left early. ', 'Several members walked out in protest. ');
    const [r, session] = reanchor(items, undefined, t);
    assert.equal(at(t, session.item), 'ended before noon without a vote');
    assert.equal(r.outcome, 'relocated');
    assert.equal(at(t, r.item), 'Helen');
    // Alone, nothing says where the passage should be: half the context of a name is not enough.
    assert.equal(reanchor([items[0]], undefined, t)[0].outcome, 'orphaned');
  });

  it('places an exact quote by one whole side of its context when the sentence on the other side was rewritten', () => {
    const a = on(S, 'the bridge over the river');
    const t = 'UPDATE: ' + S.replace('the bridge over the river had been closed to all traffic until further notice.', 'the bridge over the river was reopened.');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'relocated');
    assert.equal(at(t, r.item), 'the bridge over the river');
  });

  it('places a name by one whole side of its context when the rest of its own sentence is intact up to a sentence boundary', () => {
    const old =
      'The council met on Tuesday to discuss the budget for the coming year. The mayor left early. ' +
      'Helen Park, the treasurer, told reporters the figures were sound. The session ended before noon.';
    const a = on(old, 'Park');
    // The sentence before hers was rewritten: of the prefix, `. Helen ` agrees; the name and its whole
    // suffix are short of a clause, but her sentence is intact from its first word, after a full stop.
    const t = old.replace('The mayor left early. ', 'Several members walked out in protest. ');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'relocated');
    assert.equal(at(t, r.item), 'Park');
    // Her words inside another sentence (`with Helen Park, …`): no sentence begins with them.
    const t2 = old.replace('The mayor left early. Helen Park', 'The mayor left early with Helen Park');
    assert.equal(reanchor([a], undefined, t2)[0].outcome, 'orphaned');
  });

  it('does not take a few characters of a name\'s own sentence for a repeated phrase where the passages around it say it is', () => {
    const old =
      'The council met on Tuesday to discuss the budget for the coming year. The mayor left early. ' +
      'Helen Park, the treasurer, told reporters the figures were sound. The session ended before noon without a vote on the proposal. ' +
      'Later, Tom Park, the treasurer of the club, spoke.';
    const items = [on(old, 'Park'), on(old, 'discuss the budget for the coming year'), on(old, 'ended before noon without a vote')];
    // The sentence before hers was rewritten: `. Helen ` agrees before the name, as `," the ` would
    // before a repeated quote; but it is her sentence's start. The other Park, with half the suffix,
    // is a rival that keeps the place from being taken by one side alone.
    const t = 'UPDATE: ' + old.replace('The mayor left early. ', 'Several members walked out in protest. ');
    const [r, budget, session] = reanchor(items, undefined, t);
    assert.equal(at(t, budget.item), 'discuss the budget for the coming year');
    assert.equal(at(t, session.item), 'ended before noon without a vote');
    assert.equal(r.outcome, 'relocated');
    assert.equal(r.item.target.start, t.indexOf('Helen Park') + 'Helen '.length);
    // Alone, nothing says where the passage should be.
    assert.equal(reanchor([items[0]], undefined, t)[0].outcome, 'orphaned');
  });

  it('places a passage whose whole sentence is still there, once, when the sentences on both sides were rewritten', () => {
    const old = 'The council met on Tuesday. The mayor left early. Helen Park told reporters the figures were sound. The session ended before noon.';
    const a = on(old, 'told reporters the figures');
    // Neither side of the context is intact (`. Helen Park ` and ` were sound. ` agree); her sentence is whole.
    const t = old.replace('The mayor left early.', 'Several members walked out in protest.').replace('The session ended before noon.', 'Nobody voted.');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'relocated');
    assert.equal(at(t, r.item), 'told reporters the figures');
    // The words inside a longer sentence are not her sentence; two whole copies cannot be told apart.
    const t2 = t.replace('in protest. Helen Park', 'in protest, and Helen Park');
    assert.equal(reanchor([a], undefined, t2)[0].outcome, 'orphaned');
    const t3 = t.replace('Nobody voted.', 'Nobody voted. Helen Park told reporters the figures were sound.');
    assert.equal(reanchor([a], undefined, t3)[0].outcome, 'orphaned');
  });

  it('places a passage with a sentence inserted inside it, between its whole context', () => {
    const old = 'The talks resumed in the capital on Monday morning. The ministers met behind closed doors. The envoy said the talks would go on for a week.';
    const a = on(old, 'on Monday morning. The ministers met');
    const t = old.replace('morning. The ministers', 'morning. Journalists were kept outside the building for most of the day. The ministers');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'on Monday morning. Journalists were kept outside the building for most of the day. The ministers met');
    // What is between the context neither begins nor ends as the passage did: the sentence was replaced.
    const t2 = old.replace('on Monday morning. The ministers met', 'after a long delay. Journalists were kept outside the building for most of the day. Nobody met');
    assert.equal(reanchor([a], undefined, t2)[0].outcome, 'orphaned');
  });

  it('places a short quote with a typo at its edge between its whole context, never taking a letter typed before it', () => {
    const old = 'Officials in the northern province said on Monday that Helen Park, the treasurer, had resigned after the budget vote failed.';
    const a = on(old, 'Helen');
    const t = old.replace('Helen', 'helen');
    const [r] = reanchor([a], undefined, t);
    assert.equal(r.outcome, 'fuzzy');
    assert.equal(at(t, r.item), 'helen');
    // A letter added before the name and one changed in it: the first may be typed next to the passage.
    const t2 = old.replace('Helen', 'aHelon');
    const [r2] = reanchor([a], undefined, t2);
    assert.ok(r2.outcome === 'orphaned' || !at(t2, r2.item).startsWith('a'), at(t2, r2.item));
  });

  it('orphans a repeated phrase whose context agrees on one side and breaks a few words into the other', () => {
    const old =
      'The council met on Tuesday to discuss the budget for the coming year. "This is a matter for the courts," the minister said. ' +
      '"This is a matter for the courts," the envoy said. The session ended before noon without a vote on the proposal.';
    const items = [on(old, 'matter for the courts'), on(old, 'discuss the budget for the coming year'), on(old, 'ended before noon without a vote')];
    // The minister's sentence is deleted: the envoy's words now follow the same 32 characters, and
    // after them `," the ` agrees before the sentence differs — what any repeat of a quote looks like.
    const t = 'UPDATE: ' + old.replace('"This is a matter for the courts," the minister said. ', '');
    const [r, budget, session] = reanchor(items, undefined, t);
    assert.equal(at(t, budget.item), 'discuss the budget for the coming year');
    assert.equal(at(t, session.item), 'ended before noon without a vote');
    assert.equal(r.outcome, 'orphaned');
  });
});
