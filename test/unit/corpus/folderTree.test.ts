import * as assert from 'node:assert/strict';
import { buildFolderTree, type TreeNode } from '../../../src/core/corpus/folderTree';

const shape = (n: TreeNode): unknown => (n.kind === 'file' ? n.name : { [n.name]: n.children.map(shape) });

describe('folder tree of corpus documents', () => {
  it('groups documents by folder, folders first, names in natural order', () => {
    const tree = buildFolderTree(['b.txt', 'iraq/report10.txt', 'iraq/report2.txt', 'a.txt', 'africa/somalia/x.txt']);
    assert.deepEqual(tree.children.map(shape), [{ africa: [{ somalia: ['x.txt'] }] }, { iraq: ['report2.txt', 'report10.txt'] }, 'a.txt', 'b.txt']);
  });

  it('keeps each node’s path relative to the root', () => {
    const tree = buildFolderTree(['a/b/c.txt']);
    const a = tree.children[0];
    assert.equal(a.kind === 'folder' && a.children[0].path, 'a/b');
    const b = a.kind === 'folder' ? a.children[0] : undefined;
    assert.equal(b?.kind === 'folder' && b.children[0].path, 'a/b/c.txt');
  });

  it('is empty for no documents', () => {
    assert.deepEqual(buildFolderTree([]).children, []);
  });
});
