import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusFile, createAnnotation, MAX_FILE_BYTES, SidecarFile, SidecarStore, type Problem } from '../../../src/core/annotations';
import { NodeFileSystem } from '../../../src/node/fsPort';
import { HOSTILE } from './hostileInputs';

const FIXTURES = path.join(__dirname, '../../fixtures/bad-yaml');

/** Each fixture, the line of its first error and what the message must say. */
const CASES: { file: string; line: number; code: string; message: RegExp }[] = [
  { file: 'truncated', line: 7, code: 'syntax', message: /Missing closing "quote/ },
  { file: 'wrong-types', line: 7, code: 'type', message: /target\.start: expected a non-negative integer, got a string/ },
  { file: 'duplicate-keys', line: 8, code: 'duplicate-key', message: /Map keys must be unique/ },
  { file: 'alias-bomb', line: 5, code: 'alias', message: /alias \*a0 is not allowed.*91 aliases/ },
  { file: 'huge-value', line: 7, code: 'too-long', message: /note: string of 70000 characters is longer than the limit/ },
  { file: 'invalid-utf8', line: 7, code: 'encoding', message: /invalid UTF-8 byte 0xe9/ },
  { file: 'directory', line: 1, code: 'unreadable', message: /is a directory/ },
  { file: 'tabs', line: 5, code: 'syntax', message: /Tabs are not allowed as indentation/ },
  { file: 'js-function', line: 7, code: 'tag', message: /js\/function: tags are not allowed/ },
  { file: 'custom-tag', line: 6, code: 'tag', message: /!ruby\/object:Gem::Installer: tags are not allowed/ },
  { file: 'empty', line: 1, code: 'empty', message: /empty file/ },
  { file: 'json-array', line: 1, code: 'type', message: /top level: expected a map, got a list/ },
  { file: 'unknown-version', line: 1, code: 'version', message: /unsupported version 2/ },
  { file: 'duplicate-ids', line: 8, code: 'duplicate-id', message: /duplicate id 'a-same0001' \(also annotations\[0\]\)/ },
  { file: 'offsets-out-of-range', line: 9, code: 'range', message: /offsets 500-505 are out of range \(the text has 61 characters\)/ },
  { file: 'start-after-end', line: 6, code: 'range', message: /end 4 is before start 12/ },
  { file: 'garbage', line: 1, code: 'syntax', message: /Flow sequence/ },
  { file: 'prose', line: 1, code: 'type', message: /top level: expected a map, got a string/ },
  { file: 'binary', line: 2, code: 'binary', message: /not a text file/ },
  { file: 'multiple-documents', line: 4, code: 'syntax', message: /multiple documents/ },
  { file: 'bad-hash', line: 3, code: 'format', message: /document\.hash: 'md5:abc' is not sha256:/ },
  { file: 'missing-document', line: 1, code: 'missing', message: /missing required key 'document'/ },
  { file: 'zero-length', line: 6, code: 'range', message: /the passage is empty \(start 4, end 4\)/ },
];

async function snapshot(p: string): Promise<string> {
  const st = await fs.stat(p);
  if (st.isDirectory()) return 'dir:' + (await fs.readdir(p)).sort().join(',');
  return (await fs.readFile(p)).toString('hex');
}

describe('bad YAML: every broken sidecar is reported and never rewritten', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lens-bad-'));
    await fs.cp(FIXTURES, dir, { recursive: true });
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('covers every fixture', async () => {
    const names = (await fs.readdir(FIXTURES)).filter((n) => n.endsWith('.lens.yaml')).map((n) => n.replace(/\.txt\.lens\.yaml$/, ''));
    assert.deepEqual(names.sort(), CASES.map((c) => c.file).sort());
  });

  for (const c of CASES) {
    it(`${c.file}: line ${c.line}, ${c.code}; file unchanged after an add was asked for`, async () => {
      const docPath = path.join(dir, `${c.file}.txt`);
      const sidecar = docPath + '.lens.yaml';
      let text: string;
      try {
        text = await fs.readFile(docPath, 'utf8');
      } catch {
        text = await fs.readFile(path.join(dir, 'document.txt'), 'utf8');
      }
      const before = await snapshot(sidecar);
      const store = new SidecarStore(new NodeFileSystem());
      let called = false;
      const r = await store.update(docPath, text, (file) => {
        called = true;
        return file.apply({ kind: 'addAnnotation', annotation: createAnnotation(text, 4, 12, { tags: ['x'] }) });
      });
      assert.equal(r.kind, 'invalid');
      assert.equal(called, false, 'the change must not even be offered a broken file');
      const first = r.kind === 'invalid' ? r.problems.find((p) => p.severity === 'error') : undefined;
      assert.ok(first, 'an error is reported');
      assert.equal(first.code, c.code, first.message);
      assert.equal(first.line, c.line, first.message);
      assert.ok(first.col >= 1);
      assert.match(first.message, c.message);
      assert.equal(await snapshot(sidecar), before, 'file is byte-for-byte unchanged');
      const leftovers = (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));
      assert.deepEqual(leftovers, []);
    });
  }

  it('executes nothing from a !!js/function tag', async () => {
    const text = await fs.readFile(path.join(dir, 'document.txt'), 'utf8');
    await new SidecarStore(new NodeFileSystem()).load(path.join(dir, 'js-function.txt'), text);
    assert.equal((globalThis as Record<string, unknown>).corpusLensPwned, undefined);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    const r = SidecarFile.parse(big);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.problems[0].message : '', new RegExp(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`));
  });

  it('refuses a sidecar over the size limit from its size, without reading it (a sparse 1.5 GB file)', async () => {
    const doc = path.join(dir, 'huge.txt');
    const h = await fs.open(doc + '.lens.yaml', 'w');
    await h.truncate(1.5 * 1024 ** 3);
    await h.close();
    const rss = process.memoryUsage().rss;
    const r = await new SidecarStore(new NodeFileSystem()).load(doc);
    assert.equal(r.kind, 'invalid');
    assert.deepEqual(r.kind === 'invalid' && r.problems.map((p) => [p.code, p.line, p.col, p.message]), [['too-large', 1, 1, 'file is 1536 MB, larger than the limit of 4 MB; not read']]);
    assert.ok(process.memoryUsage().rss - rss < 64 * 1024 * 1024, 'not read into memory');
    await fs.rm(doc + '.lens.yaml');
  });
});

/** Every problem of a parse, errors or warnings. */
function problemsOf(r: { ok: true; warnings: Problem[] } | { ok: false; problems: Problem[] }): Problem[] {
  return r.ok ? r.warnings : r.problems;
}

describe('bad YAML: hostile inputs cost little and are reported cleanly', function () {
  this.timeout(60_000);

  for (const h of HOSTILE) {
    it(`${h.name} (${h.what}): parsed or refused, with at most 100 problems at real positions`, () => {
      const text = h.text();
      // The corpus file shares the reader; the three inputs of the kinds first found slow are enough for it.
      const parsers = ['keys-64k', 'custom-tags-1mb', 'blank-lines-4mb'].includes(h.name) ? [SidecarFile.parse, CorpusFile.parse] : [SidecarFile.parse];
      for (const parse of parsers) {
        const problems = problemsOf(parse(new TextEncoder().encode(text)));
        assert.ok(problems.length <= 101, `${problems.length} problems`);
        const lines = text.split('\n').length;
        for (const p of problems) {
          assert.ok(p.line >= 1 && p.line <= lines && p.col >= 1, `${p.line}:${p.col} is in the file`);
          assert.ok(![...p.message].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) < 0xa0)), 'no control character in a message');
        }
        // No problem stated twice, and none at 1:1 unless it is the file's own.
        assert.equal(new Set(problems.map((p) => `${p.line}:${p.col}:${p.message}`)).size, problems.length);
      }
    });
  }

  it('stops parsing where the token budget runs out, and says where', () => {
    const text = `version: 1\ndocument:\n  hash: sha256:${'0'.repeat(64)}\n${'\n'.repeat(2_000_000)}annotations: []\n`;
    const r = SidecarFile.parse(text);
    assert.equal(r.ok, false);
    const [p] = problemsOf(r);
    assert.equal(p.code, 'too-complex');
    assert.ok(p.line > 1000 && p.line < 2_000_000, `at line ${p.line}`);
  });

  it('reports a duplicate key once per repeat, at the repeat, in one pass over a map of 40,000 keys', () => {
    const r = SidecarFile.parse(`version: 1\ndocument:\n  hash: sha256:${'0'.repeat(64)}\nannotations: []\nextra:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1\n`).join('')}  k7: 2\n`);
    assert.equal(r.ok, false);
    assert.deepEqual(problemsOf(r).filter((p) => p.severity === 'error').map((p) => [p.code, p.line, p.col]), [['duplicate-key', 40_006, 3]]);
  });

  it('lists at most 100 problems, then one line with how many more there were', () => {
    const r = SidecarFile.parse(`version: 1\ndocument:\n  hash: sha256:${'0'.repeat(64)}\nannotations:\n${'  - 1\n'.repeat(5000)}`);
    const problems = problemsOf(r);
    assert.equal(problems.length, 101);
    assert.equal(problems[100].code, 'more');
    assert.equal(problems[100].message, '4,900 more problems in this file are not listed');
    assert.equal(problems[100].severity, 'error');
  });

  it('reports a missing key once, at its map (not again at 1:1 as "got nothing")', () => {
    const r = SidecarFile.parse(`version: 1\ndocument:\n  hash: sha256:${'0'.repeat(64)}\nannotations:\n  - id: a-1\n    target: { strt: 4, end: 12, exact: "minister" }\n    created: 2024-05-01T10:00:00Z\n`);
    const errors = problemsOf(r).filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => [p.line, p.col, p.message]), [[6, 13, "annotations[0].target: missing required key 'start'"]]);
  });

  it('reports a key without a value where the value is missing, not at 1:1', () => {
    const r = SidecarFile.parse(`version: 1\ndocument:\n  hash:\n`);
    const errors = problemsOf(r).filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => [p.line, p.col, p.message]), [[3, 8, 'document.hash: expected a string, got null']]);
  });

  it('escapes newlines, ESC and other controls of keys and values in messages: no forged line, nothing raw to a terminal', () => {
    const key = 'x\n/etc/passwd:1:1: forged\u001b[31m\u202e';
    const r = SidecarFile.parse(`version: 1\ndocument:\n  hash: sha256:${'0'.repeat(64)}\n  date: "2016\\e[2J"\n${JSON.stringify(key)}: 1\n`);
    const messages = problemsOf(r).map((p) => p.message);
    assert.ok(messages.some((m) => m === "top level: unknown key 'x\\n/etc/passwd:1:1: forged\\e[31m\\u202e' (kept, but Corpus Lens ignores it)"), messages.join(' | '));
    assert.ok(messages.some((m) => m.includes("'2016\\e[2J'")), messages.join(' | '));
    for (const m of messages) assert.ok(!['\n', '\r', '\u001b', '\u202e'].some((c) => m.includes(c)), JSON.stringify(m));
  });
});
