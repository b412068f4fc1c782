import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { AnnotationWorkspace, createAnnotation, hashText, SidecarFile, updateAnnotationEdit, type WorkspaceHost } from '../../../../src/core/annotations';
import { MemoryPort, settled } from './memoryPort';

// Stories of the annotation workspace — two windows, an editor, another program — told against a
// workspace in memory. Texts are written for these tests.
const ROOT = '/corpus';
const DOC = `${ROOT}/geneva.txt`;
const SIDECAR = `${DOC}.lens.yaml`;
const CORPUS = `${ROOT}/corpus-lens.yaml`;
const TEXT = [
  'GENEVA — The minister said the talks had failed after three days of negotiation.',
  'The envoy disagreed, calling the interruption "a pause, not an end".',
  'Both sides will meet again next month, officials said.',
].join('\n\n');

interface Sidecar {
  document: { hash: string; date?: string };
  annotations?: { id: string; tags: string[]; note?: string; status?: string; target: { start: number; end: number; exact: string } }[];
}

/** A workspace over `port`, with an editor whose unsaved texts the test controls. */
function window(port: MemoryPort, attempts?: number) {
  const unsaved = new Map<string, string>();
  const host: WorkspaceHost = {
    roots: () => [ROOT],
    rootOf: (d) => (d.startsWith(ROOT + '/') ? ROOT : undefined),
    isDocument: (d) => d.startsWith(ROOT + '/') && d.endsWith('.txt'),
    unsavedText: (d) => unsaved.get(d),
  };
  const ws = new AnnotationWorkspace(port, host, { attempts });
  const textOf = (doc = DOC) => unsaved.get(doc) ?? port.get(doc)!;
  return {
    ws,
    unsaved,
    textOf,
    /** Tags the first occurrence of `quote` (as Tag Selection does). */
    tag: (quote: string, tags: string[], doc = DOC) =>
      ws.change(doc, 'Tag passage', (file, text) => {
        const at = text.indexOf(quote);
        assert.ok(at >= 0, `"${quote}" is in the text`);
        return [{ kind: 'addAnnotation', annotation: createAnnotation(text, at, at + quote.length, { tags, taken: new Set(file.data.annotations.map((a) => a.id)) }) }];
      }),
    /** Types in the editor: replaces `[start, end)` of the current text by `insert`. */
    edit(start: number, end: number, insert: string, doc = DOC) {
      const next = textOf(doc).slice(0, start) + insert + textOf(doc).slice(end);
      unsaved.set(doc, next);
      ws.didChangeText(doc, [{ start, end, text: insert }], next);
    },
    async save(doc = DOC) {
      const text = textOf(doc);
      port.set(doc, text);
      unsaved.delete(doc);
      await ws.didSave(doc, text);
    },
  };
}

function sidecar(port: MemoryPort): Sidecar {
  return parse(port.get(SIDECAR)!) as Sidecar;
}

describe('annotation workspace: stories', () => {
  let port: MemoryPort;
  beforeEach(() => {
    port = new MemoryPort();
    port.set(DOC, TEXT);
  });

  it('tags a passage: the sidecar is written beside the text, and the change can be undone', async () => {
    const w = window(port);
    await w.ws.ready();
    assert.deepEqual(await w.tag('calling the interruption', ['claim']), { ok: true, changed: true });
    const s = sidecar(port);
    assert.equal(s.document.hash, hashText(TEXT));
    assert.deepEqual(s.annotations?.map((a) => [a.target.exact, a.tags]), [['calling the interruption', ['claim']]]);
    assert.equal(w.ws.annotations(DOC).length, 1);
    assert.equal(w.ws.canUndo, true);
    assert.equal((await w.ws.undo())?.label, 'Tag passage');
    assert.deepEqual(sidecar(port).annotations, []);
    assert.equal(w.ws.annotations(DOC).length, 0);
  });

  it('two windows tagging the same document at the worst moment keep both tags', async () => {
    const a = window(port);
    const b = window(port);
    await Promise.all([a.ws.ready(), b.ws.ready()]);
    await a.tag('The minister said', ['claim']);
    // Window B writes between window A's read and its write, every time A writes.
    let interleaved = 0;
    port.beforeWrite = (path) => {
      if (path !== SIDECAR || interleaved++ > 0) return;
      port.beforeWrite = undefined;
      void b.tag('Both sides will meet again', ['plan']);
    };
    const writing = a.tag('calling the interruption', ['disputed']);
    await writing;
    await settled();
    const tags = sidecar(port).annotations?.map((x) => x.tags[0]).sort();
    assert.deepEqual(tags, ['claim', 'disputed', 'plan']);
    // Both windows hear of the other's work.
    assert.equal(a.ws.annotations(DOC).length, 3);
    assert.equal(b.ws.annotations(DOC).length, 3);
  });

  it('a write that meets a change made meanwhile reads the file again and applies the change again', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('The minister said', ['claim']);
    const id = w.ws.annotations(DOC)[0].id;
    let calls = 0;
    port.beforeWrite = (path) => {
      if (path !== SIDECAR || calls++ > 0) return;
      // Another program sets a note on the same annotation just before our write.
      const f = SidecarFile.parse(port.get(SIDECAR)!);
      assert.ok(f.ok);
      f.file.apply(updateAnnotationEdit(f.file, id, { note: 'from the other window' }, '2030-01-01T00:00:00Z'));
      port.set(SIDECAR, f.file.toString());
    };
    await w.ws.change(DOC, 'Set date', () => [{ kind: 'setDocumentField', field: 'date', value: '2016-11-03' }]);
    const s = sidecar(port);
    assert.equal(s.document.date, '2016-11-03');
    assert.equal(s.annotations?.[0].note, 'from the other window', 'the other change survives');
  });

  it('a file that keeps changing while it is written gives a clear refusal, and nothing of ours is written', async () => {
    const w = window(port, 6);
    await w.ws.ready();
    await w.tag('The minister said', ['claim']);
    let n = 0;
    port.beforeWrite = (path) => {
      if (path === SIDECAR) port.set(SIDECAR, port.get(SIDECAR)!.replace(/\n*$/, `\n# touched ${++n}\n`));
    };
    const r = await w.ws.change(DOC, 'Set date', () => [{ kind: 'setDocumentField', field: 'date', value: '2016-11-03' }]);
    port.beforeWrite = undefined;
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'conflict');
    assert.match(!r.ok ? r.detail : '', /kept changing while it was being written \(6 attempts\); nothing was written/);
    assert.equal(sidecar(port).document.date, undefined);
  });

  it('undo reverts the last change after another window changed the file, keeping the other change', async () => {
    const a = window(port);
    const b = window(port);
    await Promise.all([a.ws.ready(), b.ws.ready()]);
    await a.tag('The minister said', ['claim']);
    await b.tag('Both sides will meet again', ['plan']);
    await settled();
    await a.ws.undo();
    assert.deepEqual(sidecar(port).annotations?.map((x) => x.tags[0]), ['plan']);
    // Undoing again finds nothing to undo in this window.
    assert.equal(await a.ws.undo(), undefined);
  });

  it('corpus-lens.yaml changes go through compare-and-swap too, and undo', async () => {
    const a = window(port);
    const b = window(port);
    await Promise.all([a.ws.ready(), b.ws.ready()]);
    port.beforeWrite = (path) => {
      if (path !== CORPUS) return;
      port.beforeWrite = undefined;
      void b.ws.changeCorpus(DOC, 'Add tags', () => [{ kind: 'addTag', tag: { name: 'plan' } }]);
    };
    await a.ws.changeCorpus(DOC, 'Add tags', () => [{ kind: 'addTag', tag: { name: 'claim', color: '#e5534b' } }]);
    await settled();
    assert.deepEqual((parse(port.get(CORPUS)!) as { tags: { name: string }[] }).tags.map((t) => t.name).sort(), ['claim', 'plan']);
    await a.ws.undo();
    assert.deepEqual((parse(port.get(CORPUS)!) as { tags: { name: string }[] }).tags.map((t) => t.name), ['plan']);
    await settled();
    assert.deepEqual(b.ws.tagNames(), ['plan'], 'the other window reloaded the corpus file');
  });

  it('edits in the editor move annotations with their text; saving writes the offsets, and is not an undo step', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('calling the interruption', ['claim']);
    const before = w.ws.annotations(DOC)[0].target.start;
    w.edit(0, 0, 'UPDATE: ');
    assert.equal(w.ws.annotations(DOC)[0].target.start, before + 8);
    assert.equal(sidecar(port).annotations?.[0].target.start, before, 'nothing written before the save');
    await w.save();
    const s = sidecar(port);
    assert.equal(s.annotations?.[0].target.start, before + 8);
    assert.equal(s.document.hash, hashText(w.textOf()));
    assert.equal((await w.ws.undo())?.label, 'Tag passage', 'the move is not an undo step');
  });

  it('deleting a tagged passage orphans it; undoing the deletion in the editor brings it back', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('calling the interruption', ['claim']);
    const events: string[][] = [];
    w.ws.onDidChange(({ docs }) => events.push(docs));
    const start = TEXT.indexOf('The envoy disagreed');
    const sentence = 'The envoy disagreed, calling the interruption "a pause, not an end".';
    w.edit(start, start + sentence.length, '');
    assert.equal(w.ws.annotations(DOC)[0].status, 'orphaned');
    assert.ok(events.length > 0, 'listeners heard of the orphan');
    // Ctrl+Z: the editor puts the deleted text back where it was.
    events.length = 0;
    w.edit(start, start, sentence);
    const a = w.ws.annotations(DOC)[0];
    assert.equal(a.status, undefined, 'placed again');
    assert.equal(w.textOf().slice(a.target.start, a.target.end), 'calling the interruption');
    assert.ok(events.length > 0, 'listeners heard it is back');
    await w.save();
    assert.equal(sidecar(port).annotations?.[0].status, undefined);
  });

  it('a passage typed again elsewhere is not taken for the deleted one without its context', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('officials said', ['source']);
    const at = TEXT.indexOf('officials said');
    w.edit(at, at + 'officials said'.length, 'diplomats added');
    assert.equal(w.ws.annotations(DOC)[0].status, 'orphaned');
    w.edit(0, 0, 'As officials said, ');
    assert.equal(w.ws.annotations(DOC)[0].status, 'orphaned', 'the same words in another sentence are not the passage');
  });

  it('Re-attach puts an orphan on the selected passage, and undo makes it an orphan again', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('calling the interruption', ['claim']);
    const a = w.ws.annotations(DOC)[0];
    // Another program rewrote the sentence: the passage cannot be found.
    port.set(DOC, TEXT.replace('calling the interruption', 'describing the break'));
    await w.ws.reload(DOC);
    assert.equal(w.ws.annotations(DOC)[0].status, 'orphaned');
    const text = port.get(DOC)!;
    const at = text.indexOf('describing the break');
    const r = await w.ws.reattach(DOC, a.id, at, at + 'describing the break'.length, 'Re-attach annotation');
    assert.deepEqual(r, { ok: true, changed: true });
    const now = w.ws.annotations(DOC)[0];
    assert.equal(now.status, undefined);
    assert.equal(now.target.exact, 'describing the break');
    assert.deepEqual(now.tags, ['claim']);
    assert.equal(sidecar(port).annotations?.[0].target.exact, 'describing the break');
    assert.equal((await w.ws.undo())?.label, 'Re-attach annotation');
    assert.equal(sidecar(port).annotations?.[0].status, 'orphaned');
    assert.equal(w.ws.annotations(DOC)[0].status, 'orphaned');
  });

  it('a text changed by another program is re-anchored and the sidecar rewritten; with unsaved edits, only in memory', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('calling the interruption', ['claim']);
    const moved = 'Statement follows.\n\n' + TEXT;
    port.set(DOC, moved);
    await w.ws.reload(DOC);
    assert.equal(sidecar(port).annotations?.[0].target.start, moved.indexOf('calling the interruption'));
    assert.equal(sidecar(port).document.hash, hashText(moved));
    // Now the analyst has unsaved edits and the file changes again underneath.
    w.edit(0, 0, 'DRAFT ');
    const before = port.get(SIDECAR);
    port.set(DOC, 'Note. ' + moved);
    await w.ws.reload(DOC);
    assert.equal(port.get(SIDECAR), before, 'nothing written while the editor holds unsaved text');
    const live = w.ws.annotations(DOC)[0];
    assert.equal(w.textOf().slice(live.target.start, live.target.end), 'calling the interruption');
  });

  it('a sidecar changed by another program is read again; our own writes coming back are not', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('calling the interruption', ['claim']);
    await settled();
    const reads = port.reads.filter((p) => p === SIDECAR).length;
    await w.tag('Both sides will meet again', ['plan']);
    await settled();
    // One read for the write itself, one to recognise our own write when the watcher reports it.
    assert.equal(port.reads.filter((p) => p === SIDECAR).length - reads, 2);
    const f = SidecarFile.parse(port.get(SIDECAR)!);
    assert.ok(f.ok);
    f.file.apply({ kind: 'removeAnnotation', id: f.file.data.annotations[0].id });
    port.set(SIDECAR, f.file.toString());
    await settled();
    assert.deepEqual(w.ws.annotations(DOC).map((a) => a.tags[0]), ['plan']);
  });

  it('a broken sidecar is reported with its line and never overwritten', async () => {
    const broken = 'version: 1\ndocument:\n  hash: sha256:00\nannotations:\n  - id: [unclosed\n';
    port.set(SIDECAR, broken);
    const w = window(port);
    const problems: { path: string; lines: number[] }[] = [];
    w.ws.onDidChangeProblems(({ path, problems: ps }) => problems.push({ path, lines: ps.map((p) => p.line) }));
    await w.ws.ready();
    assert.equal(w.ws.state(DOC)?.kind, 'invalid');
    assert.ok(problems.some((p) => p.path === SIDECAR && p.lines.length && p.lines.every((l) => l > 1)), JSON.stringify(problems));
    const r = await w.tag('calling the interruption', ['claim']);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'invalid');
    assert.equal(port.get(SIDECAR), broken);
  });

  it('a sidecar over the size limit is refused from its size, never parsed', async () => {
    port.set(SIDECAR, 'version: 1\n' + '#'.repeat(5 * 1024 * 1024));
    const w = window(port);
    await w.ws.ready();
    const s = w.ws.state(DOC);
    assert.equal(s?.kind, 'invalid');
    assert.match(s?.kind === 'invalid' ? s.problems[0].message : '', /larger than the limit of 4 MB; not read/);
  });

  it('a deleted document keeps its sidecar, its annotations shown as orphaned', async () => {
    const w = window(port);
    await w.ws.ready();
    await w.tag('calling the interruption', ['claim']);
    const problems: string[] = [];
    w.ws.onDidChangeProblems(({ problems: ps }) => problems.push(...ps.map((p) => p.code)));
    port.delete(DOC);
    w.ws.documentRemoved(DOC);
    assert.equal(w.ws.annotations(DOC)[0].status, 'orphaned');
    assert.deepEqual(problems, ['missing-document']);
    assert.ok(port.get(SIDECAR), 'the sidecar stays');
  });

  it('a document that arrives later brings its sidecar along', async () => {
    const w = window(port);
    await w.ws.ready();
    const doc = `${ROOT}/later.txt`;
    const text = 'Later, the envoy said the pause was over.';
    const f = SidecarFile.create(text);
    f.apply({ kind: 'addAnnotation', annotation: createAnnotation(text, text.indexOf('the envoy'), text.indexOf('the envoy') + 9, { tags: ['x'] }) });
    port.set(`${doc}.lens.yaml`, f.toString());
    port.set(doc, text);
    await w.ws.documentAdded(doc);
    assert.deepEqual(w.ws.annotations(doc).map((a) => a.target.exact), ['the envoy']);
  });
});
