/**
 * Groups corpus documents by folder for display. Paths are POSIX-style and relative to a corpus
 * root ("iraq/mosul-tape.txt"); the result is sorted: folders first, then files, each by name.
 */
export interface FolderNode {
  kind: 'folder';
  /** Folder path relative to the root, without trailing slash ("" for the root itself). */
  path: string;
  name: string;
  children: TreeNode[];
}

export interface FileNode {
  kind: 'file';
  path: string;
  name: string;
}

export type TreeNode = FolderNode | FileNode;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function buildFolderTree(paths: Iterable<string>): FolderNode {
  const root: FolderNode = { kind: 'folder', path: '', name: '', children: [] };
  const folders = new Map<string, FolderNode>([['', root]]);
  const folderFor = (path: string): FolderNode => {
    let node = folders.get(path);
    if (node) return node;
    const slash = path.lastIndexOf('/');
    const parent = folderFor(slash < 0 ? '' : path.slice(0, slash));
    node = { kind: 'folder', path, name: path.slice(slash + 1), children: [] };
    parent.children.push(node);
    folders.set(path, node);
    return node;
  };
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    folderFor(slash < 0 ? '' : path.slice(0, slash)).children.push({ kind: 'file', path, name: path.slice(slash + 1) });
  }
  const sort = (node: FolderNode): void => {
    node.children.sort((a, b) => (a.kind !== b.kind ? (a.kind === 'folder' ? -1 : 1) : collator.compare(a.name, b.name)));
    for (const c of node.children) if (c.kind === 'folder') sort(c);
  };
  sort(root);
  return root;
}
