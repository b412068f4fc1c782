import * as assert from 'node:assert/strict';
import { createAnnotation, mergeInto, SidecarFile, type Annotation } from '../../../src/core/annotations';

const TEXT = 'The minister said the talks had failed. The envoy disagreed.';

function file(annotations: Annotation[], comment = ''): SidecarFile {
  const f = SidecarFile.create(TEXT);
  f.apply(annotations.map((annotation) => ({ kind: 'addAnnotation' as const, annotation })));
  const r = SidecarFile.parse(comment + f.toString(), { documentText: TEXT });
  assert.ok(r.ok);
  return r.file;
}

describe('merging this session into the file on disk', () => {
  const a = { ...createAnnotation(TEXT, 4, 12, { tags: ['x'], now: '2024-01-01T00:00:00Z' }), id: 'a-one00001' };
  const b = { ...createAnnotation(TEXT, 44, 49, { tags: ['y'], now: '2024-01-01T00:00:00Z' }), id: 'a-two00002' };

  it('keeps both sides’ additions, the newer edit per id, and the disk file’s comments', () => {
    const base = file([a]).data;
    const mineA = { ...a, tags: ['x', 'mine'], modified: '2024-02-01T00:00:00Z' };
    const disk = file([{ ...a, tags: ['x', 'theirs'], modified: '2024-01-15T00:00:00Z' }, b], '# edited by hand on disk\n');
    const c = { ...createAnnotation(TEXT, 22, 27, { now: '2024-02-01T00:00:00Z' }), id: 'a-new00003' };
    const r = mergeInto(disk, { base, annotations: [mineA, c], corrections: [] });
    assert.deepEqual(disk.data.annotations.map((x) => [x.id, x.tags]), [['a-one00001', ['x', 'mine']], ['a-two00002', ['y']], ['a-new00003', []]]);
    assert.ok(disk.toString().startsWith('# edited by hand on disk'));
    disk.apply(r.inverse);
    assert.deepEqual(disk.data.annotations.map((x) => x.tags), [['x', 'theirs'], ['y']]);
  });

  it('lets a newer disk edit win over an older one here', () => {
    const disk = file([{ ...a, note: 'disk', modified: '2024-03-01T00:00:00Z' }]);
    mergeInto(disk, { annotations: [{ ...a, note: 'mine', modified: '2024-02-01T00:00:00Z' }], corrections: [] });
    assert.equal(disk.data.annotations[0].note, 'disk');
  });

  it('applies deletions made here, respects deletions made on disk, and keeps an annotation changed since it was deleted', () => {
    const base = file([a, b]).data;
    const disk = file([a, { ...b, note: 'changed on disk', modified: '2024-05-01T00:00:00Z' }]);
    const r = mergeInto(disk, { base, annotations: [], corrections: [], deletedAnnotations: [a.id, b.id] });
    assert.deepEqual(disk.data.annotations.map((x) => x.id), [b.id]);
    assert.match(r.notes.join(), /deleted here but changed on disk/);
    const disk2 = file([b]);
    mergeInto(disk2, { base, annotations: [a, b], corrections: [] });
    assert.deepEqual(disk2.data.annotations.map((x) => x.id), [b.id], 'deleted on disk, unchanged here: stays deleted');
  });
});
