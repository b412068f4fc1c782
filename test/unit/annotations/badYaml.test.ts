import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAnnotation, MAX_FILE_BYTES, SidecarFile, SidecarStore } from '../../../src/core/annotations';
import { NodeFileSystem } from '../../../src/node/fsPort';

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
});
