import * as vscode from 'vscode';
import type { FileSystemPort } from '../core/annotations';

/**
 * The annotation store's file access through `vscode.workspace.fs` (works in desktop, remote and
 * server windows alike). Paths are URI strings. Writes go to a temp file in the same folder, then
 * rename over the target: readers never see half a file.
 */
export class WorkspaceFsPort implements FileSystemPort {
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
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) throw new Error(`${uri.path} is a directory`);
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError)) throw e;
    }
    const tmp = uri.with({ path: `${uri.path}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
    this.onWrite?.(path, data);
    await vscode.workspace.fs.writeFile(tmp, data);
    try {
      await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw e;
    }
  }
}
