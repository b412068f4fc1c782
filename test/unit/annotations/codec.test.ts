import * as assert from 'node:assert/strict';
import { AnnotationError, CorpusFile, createAnnotation, createCorrection, documentPathFor, hashText, mergeEntitiesEdits, sidecarPathFor, SidecarFile, updateAnnotationEdit, type Annotation } from '../../../src/core/annotations';

const TEXT = 'The minister said the talks had failed. The envoy disagreed, calling it "a pause".\n';
const HASH = hashText(TEXT);

const HAND_WRITTEN = `# Annotations for the Geneva report — reviewed by Lena
version: 1
document:
  hash: ${HASH}
  date: 2016-11-03   # from the dateline

annotations:
  # the central claim
  - id: a-claim001
    target: {start: 4, end: 12, exact: 'minister', prefix: 'The ', suffix: ' said the talks had failed. The e'}
    tags: [claim,   official]
    note: >
      Folded by hand,
      on two lines.
    created: 2024-05-01T10:00:00Z

  - id: a-envoy001
    target:
      start: 44
      end: 49
      exact: "envoy"
    tags:
      - dissent
    created: 2024-05-01T10:05:00Z
    modified: 2024-05-02T08:00:00Z
corrections: []
`;

function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const al = a.split('\n');
  const bl = b.split('\n');
  let p = 0;
  while (p < al.length && p < bl.length && al[p] === bl[p]) p++;
  let q = 0;
  while (q < al.length - p && q < bl.length - p && al[al.length - 1 - q] === bl[bl.length - 1 - q]) q++;
  return { removed: al.slice(p, al.length - q), added: bl.slice(p, bl.length - q) };
}

/** The file as the extension writes it after its first change: yaml's spacing, same content and comments. */
function normalized(f: SidecarFile): string {
  f.apply(f.apply({ kind: 'setDocumentField', field: 'title', value: 'x' }));
  return f.toString();
}

function parse(src: string | Uint8Array, text = TEXT): SidecarFile {
  const r = SidecarFile.parse(src, { documentText: text });
  if (!r.ok) assert.fail(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  return r.file;
}

describe('sidecar paths', () => {
  it('maps a document to its sidecar and back', () => {
    for (const p of ['report.txt', 'a/b/report.md', 'C:\\corpus\\x.txt', 'file:///c/x y.txt', 'noext']) {
      assert.equal(sidecarPathFor(p), p + '.lens.yaml');
      assert.equal(documentPathFor(sidecarPathFor(p)), p);
    }
  });
  it('refuses ambiguous names', () => {
    assert.throws(() => sidecarPathFor('x.txt.lens.yaml'));
    assert.equal(documentPathFor('report.txt'), undefined);
    assert.equal(documentPathFor('.lens.yaml'), undefined);
    assert.equal(documentPathFor('dir/.lens.yaml'), undefined);
  });
});

describe('sidecar codec', () => {
  it('reads a hand-written file into typed data', () => {
    const d = parse(HAND_WRITTEN).data;
    assert.equal(d.document.date, '2016-11-03');
    assert.deepEqual(d.annotations.map((a) => a.id), ['a-claim001', 'a-envoy001']);
    assert.equal(d.annotations[0].note, 'Folded by hand, on two lines.\n');
    assert.deepEqual(d.annotations[0].tags, ['claim', 'official']);
    assert.equal(d.annotations[0].modified, d.annotations[0].created, 'modified defaults to created');
    assert.equal(d.annotations[1].target.prefix, '');
  });

  it('writes an unchanged file back byte for byte', () => {
    const f = parse(HAND_WRITTEN);
    f.apply([]);
    assert.equal(f.toString(), HAND_WRITTEN);
  });

  it('keeps comments and hand formatting when an annotation is added, and the diff is only the new lines', () => {
    const f = parse(HAND_WRITTEN);
    const base = normalized(f);
    const a = createAnnotation(TEXT, 72, 81, { tags: ['quote'], author: 'lena', now: '2024-06-01T09:00:00Z' });
    f.apply({ kind: 'addAnnotation', annotation: a });
    const out = f.toString();
    for (const keep of ['# Annotations for the Geneva report', '# from the dateline', '# the central claim', "exact: 'minister'", 'note: >', '    tags:\n      - dissent']) assert.ok(out.includes(keep), keep);
    const { removed, added } = lineDiff(base, out);
    assert.deepEqual(removed, []);
    assert.deepEqual(added, [
      `  - id: ${a.id}`,
      '    target:',
      '      start: 72',
      '      end: 81',
      '      exact: "\\"a pause\\""',
      '      prefix: "ters said the talks had failed. The envoy disagreed, calling it "'.replace('ters said the talks had failed. The envoy disagreed, calling it ', TEXT.slice(40, 72)),
      '      suffix: ".\\n"',
      '    tags: [quote]',
      '    author: lena',
      '    created: 2024-06-01T09:00:00Z',
      '    modified: 2024-06-01T09:00:00Z',
    ]);
    assert.deepEqual(parse(out).data.annotations[2], a);
  });

  it('removes one annotation as a removal of its lines only, and the inverse restores it', () => {
    const f = parse(HAND_WRITTEN);
    const base = normalized(f);
    const inverse = f.apply({ kind: 'removeAnnotation', id: 'a-envoy001' });
    const { removed, added } = lineDiff(base, f.toString());
    assert.deepEqual(added, []);
    assert.deepEqual(removed.filter((l) => l.trim() !== ''), ['  - id: a-envoy001', '    target:', '      start: 44', '      end: 49', '      exact: "envoy"', '    tags:', '      - dissent', '    created: 2024-05-01T10:05:00Z', '    modified: 2024-05-02T08:00:00Z']);
    assert.ok(f.toString().includes('# the central claim'));
    f.apply(inverse);
    assert.deepEqual(f.data, parse(HAND_WRITTEN).data);
  });

  it('changes one tag list as a one-line diff and bumps modified', () => {
    const f = parse(HAND_WRITTEN);
    const base = normalized(f);
    const inverse = f.apply(updateAnnotationEdit(f, 'a-claim001', { tags: ['claim', 'disputed'] }, '2024-07-01T00:00:00Z'));
    const { removed, added } = lineDiff(base, f.toString());
    assert.deepEqual(removed, ['    tags: [claim, official]', '    note: >', '      Folded by hand, on two lines.', '    created: 2024-05-01T10:00:00Z']);
    assert.deepEqual(added, ['    tags: [claim, disputed]', '    note: >', '      Folded by hand, on two lines.', '    created: 2024-05-01T10:00:00Z', '    modified: 2024-07-01T00:00:00Z']);
    f.apply(inverse);
    assert.deepEqual(f.data, parse(HAND_WRITTEN).data);
  });

  it('sets, changes and removes the document date with inverses', () => {
    const f = parse(HAND_WRITTEN);
    const undo = f.apply({ kind: 'setDocumentField', field: 'date', value: '2016-11' });
    assert.ok(f.toString().includes('  date: 2016-11 # from the dateline'));
    f.apply(undo);
    assert.equal(f.data.document.date, '2016-11-03');
    const undo2 = f.apply({ kind: 'setDocumentField', field: 'title', value: 'Talks fail' });
    assert.deepEqual(Object.keys(f.data.document), ['hash', 'date', 'title']);
    f.apply(undo2);
    assert.equal(f.data.document.title, undefined);
    assert.throws(() => f.apply({ kind: 'setDocumentField', field: 'date', value: 'yesterday' }), AnnotationError);
  });

  it('writes new files with a stable key order', () => {
    const f = SidecarFile.create(TEXT, { date: '2016' });
    const a = createAnnotation(TEXT, 4, 12, { tags: ['b', 'a'], note: 'n', author: 'x', now: '2024-01-01T00:00:00Z' });
    f.apply({ kind: 'addAnnotation', annotation: a });
    f.apply({ kind: 'addCorrection', correction: createCorrection(TEXT, 44, 49, { action: 'mark', type: 'person', author: 'x', now: '2024-01-01T00:00:00Z' }) });
    const out = f.toString();
    const keys = out.split('\n').filter((l) => /^ {4}[a-z]+:/.test(l)).map((l) => l.trim().split(':')[0]);
    assert.deepEqual(keys, ['target', 'tags', 'note', 'author', 'created', 'modified', 'target', 'action', 'type', 'author', 'created']);
    assert.ok(out.includes('  date: "2016"'), 'a year stays a string');
    assert.deepEqual(parse(out).data, f.data);
  });

  it('round-trips awkward strings exactly', () => {
    const text = '  leading\ttab\r\n"quoted" \\ back # not a comment: yes\n\n- dash\u00a0nbsp 😀 end   ';
    const f = SidecarFile.create(text);
    const a = createAnnotation(text, 0, text.length, { note: 'line 1\n\n  indented\ntrailing  \n', now: '2024-01-01T00:00:00Z' });
    f.apply({ kind: 'addAnnotation', annotation: a });
    assert.deepEqual(parse(f.toString(), text).data.annotations[0], a);
  });

  it('keeps a byte order mark', () => {
    const bytes = new TextEncoder().encode('\ufeff' + HAND_WRITTEN);
    const f = parse(bytes);
    assert.ok(f.toString().startsWith('\ufeff# Annotations'));
  });

  it('refuses edits that would make the file invalid, leaving it unchanged', () => {
    const f = parse(HAND_WRITTEN);
    const before = f.toString();
    const dup: Annotation = { ...f.data.annotations[0] };
    assert.throws(() => f.apply({ kind: 'addAnnotation', annotation: dup }), /already exists/);
    const outside = { ...createAnnotation(TEXT, 4, 12, { now: '2024-01-01T00:00:00Z' }), target: { start: 500, end: 508, exact: 'minister', prefix: '', suffix: '' } };
    assert.throws(() => f.apply({ kind: 'addAnnotation', annotation: outside }), /out of range/);
    assert.throws(() => f.apply([{ kind: 'removeAnnotation', id: 'a-claim001' }, { kind: 'removeAnnotation', id: 'nope' }]), /no annotation/);
    assert.equal(f.toString(), before);
  });

  it('warns, but reads, when the document changed since the file was written', () => {
    const r = SidecarFile.parse(HAND_WRITTEN, { documentText: 'Another text entirely.' });
    assert.ok(r.ok);
    assert.deepEqual(r.ok && r.warnings.map((w) => [w.code, w.line]), [['stale', 4]]);
  });

  it('warns about unknown keys and keeps them on write', () => {
    const src = HAND_WRITTEN.replace('corrections: []', 'corrections: []\nreviewer: lena');
    const r = SidecarFile.parse(src, { documentText: TEXT });
    assert.ok(r.ok);
    assert.match(r.ok ? r.warnings[0].message : '', /unknown key 'reviewer'/);
    assert.ok(r.ok && r.file.toString().includes('reviewer: lena'));
  });
});

describe('corpus file', () => {
  const CORPUS = `# shared by the whole team
version: 1
documents: "reports/**/*.txt"
entities:
  - id: abu-bakr-al-baghdadi
    name: Abu Bakr al-Baghdadi
    type: person
    aliases: [al-Baghdadi, Baghdadi]
  - id: baghdadi
    name: Baghdadi
    type: person
    note: spelling used by one outlet
tags:
  - name: claim
    color: "#d73a49"
    description: A factual claim to verify
  - {name: dissent, color: charts.blue}
`;
  it('reads, edits with inverses and merges entities', () => {
    const r = CorpusFile.parse(CORPUS);
    assert.ok(r.ok, !r.ok ? r.problems.map((p) => p.message).join() : '');
    const f = r.file;
    assert.deepEqual(f.data.documents, ['reports/**/*.txt']);
    const undo = f.apply(mergeEntitiesEdits(f.data, 'baghdadi', 'abu-bakr-al-baghdadi'));
    assert.deepEqual(f.data.entities, [{ id: 'abu-bakr-al-baghdadi', name: 'Abu Bakr al-Baghdadi', type: 'person', aliases: ['al-Baghdadi', 'Baghdadi'], merged: ['baghdadi'] }]);
    assert.ok(f.toString().startsWith('# shared by the whole team'));
    assert.ok(f.toString().includes('  - {name: dissent, color: charts.blue}') || f.toString().includes('{ name: dissent'));
    f.apply(undo);
    assert.deepEqual(f.data, (CorpusFile.parse(CORPUS) as { file: CorpusFile }).file.data);
    f.apply({ kind: 'addTag', tag: { name: 'quote', color: '#00ff00' } });
    assert.ok(f.toString().endsWith('  - name: quote\n    color: "#00ff00"\n'));
  });
  it('reports bad colors, unknown types and duplicate ids with lines', () => {
    const bad = CORPUS.replace('type: person\n    note', 'type: robot\n    note').replace('charts.blue', 'blue!').replace('id: baghdadi', 'id: abu-bakr-al-baghdadi');
    const r = CorpusFile.parse(bad);
    assert.ok(!r.ok);
    const msgs = !r.ok ? r.problems.map((p) => `${p.line}: ${p.message}`) : [];
    assert.ok(msgs.some((m) => /^11: entities\[1\]\.type: 'robot' is not one of/.test(m)), msgs.join('\n'));
    const dup = CorpusFile.parse(CORPUS.replace('id: baghdadi', 'id: abu-bakr-al-baghdadi'));
    assert.match(!dup.ok ? `${dup.problems[0].line}: ${dup.problems[0].message}` : '', /^9: entities\[1\]\.id: duplicate id 'abu-bakr-al-baghdadi' \(also entities\[0\]\)/);
    assert.ok(msgs.some((m) => /^17: tags\[1\]\.color: 'blue!' is not a color/.test(m)), msgs.join('\n'));
  });
});
