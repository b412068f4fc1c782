import * as vscode from 'vscode';
import type { FileSystemPort } from '../core/annotations';
import { NodeFileSystem } from '../node/fsPort';

/**
 * The annotation store's file access through `vscode.workspace.fs` (works in desktop, remote and
 * server windows alike). Paths are URI strings. Files on disk (`file:`, where the extension host
 * runs) are replaced atomically with node's rename(2): `workspace.fs.rename` with `overwrite` deletes
 * the target before moving, so a reader (git, another editor, a crash) could find no file at all.
 * Other schemes go through a temp file and `workspace.fs.rename`, the best their API offers.
 */
export class WorkspaceFsPort implements FileSystemPort {
  private readonly disk = new NodeFileSystem();

  /** Called with every path this port wrote, so watchers can tell our writes from other tools'. */
  constructor(private readonly onWrite?: (path: string, text: Uint8Array) => void) {}

  async read(path: string): Promise<Uint8Array | undefined> {
    const uri = vscode.Uri.parse(path);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined;
    }
    if (stat.type & vscode.FileType.Directory) throw new Error('is a directory');
    return vscode.workspace.fs.readFile(uri);
  }

  async write(path: string, data: Uint8Array): Promise<void> {
    const uri = vscode.Uri.parse(path);
    if (uri.scheme === 'file') {
      // NodeFileSystem refuses a directory itself.
      this.onWrite?.(path, data);
      return this.disk.write(uri.fsPath, data);
    }
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) throw new Error(`${uri.path} is a directory`);
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError)) throw e;
    }
    this.onWrite?.(path, data);
    const tmp = uri.with({ path: `${uri.path}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
    await vscode.workspace.fs.writeFile(tmp, data);
    try {
      await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw e;
    }
  }
}
