import * as assert from 'node:assert/strict';
import { compileQuery, countByDocument, kwic, QueryError, searchText, sortKwic, type KwicLine } from '../../../src/core/analysis/concordance';

const TEXT = 'The envoy said talks would go on.\nNegotiations resumed; the envoy’s team negotiated late.\n"We don\'t negotiate," he said.\n';

function find(mode: 'word' | 'phrase' | 'regex', pattern: string, caseSensitive = false, text = TEXT): KwicLine[] {
  const lines: KwicLine[] = [];
  searchText('doc', text, compileQuery({ mode, pattern, caseSensitive }), (l) => lines.push(l));
  return lines;
}

describe('concordance', () => {
  it('should find whole words only, case-insensitively unless asked', () => {
    assert.deepEqual(find('word', 'envoy').map((l) => l.match), ['envoy', 'envoy']);
    assert.deepEqual(find('word', 'the').map((l) => l.match), ['The', 'the']);
    assert.deepEqual(find('word', 'the', true).map((l) => l.match), ['the']);
    assert.deepEqual(find('word', 'talk'), []);
  });

  it('should let * stand for any letters and match either apostrophe', () => {
    assert.deepEqual(find('word', 'negotiat*').map((l) => l.match), ['Negotiations', 'negotiated', 'negotiate']);
    assert.deepEqual(find('word', 'envoy’s').map((l) => l.match), ['envoy’s']);
    assert.deepEqual(find('word', "don't").map((l) => l.match), ["don't"]);
  });

  it('should find phrases across any spacing and regular expressions', () => {
    assert.deepEqual(find('phrase', 'talks  would go').map((l) => l.match), ['talks would go']);
    assert.deepEqual(find('phrase', 'would go', false, 'it would\n   go far').map((l) => l.match), ['would go']);
    assert.deepEqual(find('regex', '\\bne\\w+ated\\b').map((l) => l.match), ['negotiated']);
  });

  it('should refuse an empty pattern, an invalid or empty-matching regular expression, a word search of two words', () => {
    assert.throws(() => compileQuery({ mode: 'word', pattern: '  ' }), QueryError);
    assert.throws(() => compileQuery({ mode: 'regex', pattern: '(' }), /Not a valid regular expression/);
    assert.throws(() => compileQuery({ mode: 'regex', pattern: 'x*' }), /matches empty text/);
    assert.throws(() => compileQuery({ mode: 'word', pattern: 'two words' }), /Phrase/);
  });

  it('should give each match its line, and context within its paragraph only', () => {
    const [l] = find('word', 'team');
    assert.equal(l.line, 1);
    // The spaces around the match are kept: the page aligns on the match and shows them as they are.
    assert.equal(l.left, 'Negotiations resumed; the envoy’s ');
    assert.equal(l.right, ' negotiated late.');
    const long = `${'word '.repeat(40)}KEY ${'more '.repeat(40)}`;
    const k = kwic(long, long.indexOf('KEY'), long.indexOf('KEY') + 3, 30);
    assert.ok(k.left.length <= 31 && k.right.length <= 31, JSON.stringify(k));
    assert.ok(!k.left.startsWith('ord'), 'cut at a word boundary');
  });

  it('should stop when asked', () => {
    let n = 0;
    const found = searchText('doc', 'a a a a a', compileQuery({ mode: 'word', pattern: 'a' }), () => n++, () => n >= 2);
    assert.equal(found, 2);
  });

  it('should sort by left context read backwards, by right context, by date, and count per document', () => {
    const line = (doc: string, left: string, right: string, start = 0): KwicLine => ({ doc, start, end: start + 1, line: 0, left, match: 'X', right });
    const lines = [line('b', 'the big', 'zeta'), line('a', 'a small', 'alpha'), line('c', 'one big', 'mid', 5), line('c', 'very alpha', 'beta', 9)];
    assert.deepEqual(sortKwic([...lines], 'left').map((l) => l.left), ['very alpha', 'one big', 'the big', 'a small']);
    assert.deepEqual(sortKwic([...lines], 'right').map((l) => l.right), ['alpha', 'beta', 'mid', 'zeta']);
    const dates: Record<string, string> = { a: '2020-01', b: '2019-05-01' };
    assert.deepEqual(sortKwic([...lines], 'date', (d) => dates[d]).map((l) => l.doc), ['b', 'a', 'c', 'c']);
    assert.deepEqual(countByDocument(lines), [
      { doc: 'c', count: 2 },
      { doc: 'a', count: 1 },
      { doc: 'b', count: 1 },
    ]);
  });
});
