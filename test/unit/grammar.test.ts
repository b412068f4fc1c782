import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(join(ROOT, 'syntaxes', 'corpus.tmLanguage.json'), 'utf8'), 'corpus.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('text.corpus');
  assert.ok(grammar);
  return grammar;
}

/** Tokenizes `text` and returns [token text, innermost corpus scope] for tokens that have one. */
async function scopes(text: string): Promise<[string, string][]> {
  const grammar = await loadGrammar();
  let state = textmate.INITIAL;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const scope = t.scopes.filter((s) => s !== 'text.corpus').pop();
      if (scope) out.push([line.slice(t.startIndex, t.endIndex), scope]);
    }
    state = r.ruleStack;
  }
  return out;
}

const has = (tokens: [string, string][], text: string, scopePrefix: string) =>
  assert.ok(tokens.some(([t, s]) => t === text && s.startsWith(scopePrefix)), `expected "${text}" as ${scopePrefix}, got ${JSON.stringify(tokens)}`);

describe('corpus grammar', () => {
  it('marks the first line as the headline, and only the first', async () => {
    const tokens = await scopes('Leader urges fighters to hold Mosul\n\nSecond paragraph here.\nThird line');
    has(tokens, 'Leader urges fighters to hold Mosul', 'markup.heading.headline');
    assert.ok(!tokens.some(([t]) => t.includes('Second') || t.includes('Third')));
  });

  it('marks datelines: place, region and outlet', async () => {
    const tokens = await scopes('Headline\nMOSUL, Iraq (Levant Wire) — Fighting resumed.\nERBIL (Kurdistan 24) – Text.\nKABUL, Afghanistan, June 13, 2018 (Newswire) — Text.');
    has(tokens, 'MOSUL', 'entity.name.type.dateline.place');
    has(tokens, ', Iraq', 'entity.name.type.dateline.region');
    has(tokens, '(Levant Wire)', 'comment.dateline.source');
    has(tokens, 'ERBIL', 'entity.name.type.dateline.place');
    has(tokens, 'KABUL', 'entity.name.type.dateline.place');
    has(tokens, 'June 13, 2018', 'constant.numeric.date');
  });

  it('marks quotations in straight and curly quotes, without running past the line', async () => {
    const tokens = await scopes('Headline\n“Do not retreat,” he said. "Stand firm," he added.\nAn unbalanced “mark here\nnext line is plain.');
    has(tokens, 'Do not retreat,', 'string.quoted.double.curly');
    has(tokens, 'Stand firm,', 'string.quoted.double.straight');
    assert.ok(!tokens.some(([t, s]) => s.startsWith('string') && (t.includes('mark here') || t.includes('plain'))));
  });

  it('marks written dates but not the modal "may"', async () => {
    const tokens = await scopes('Headline\nOn Nov. 3, 2016 and in December 2015 it may rain.');
    has(tokens, 'Nov. 3, 2016', 'constant.numeric.date');
    has(tokens, 'December 2015', 'constant.numeric.date');
    assert.ok(!tokens.some(([t]) => t === 'may'));
  });
});
