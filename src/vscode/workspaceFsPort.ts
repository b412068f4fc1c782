import * as vscode from 'vscode';
import type { FileVersion, PortDisposable, PortRead, PortWatchEvent, PortWrite, WorkspacePort } from '../core/annotations';
import { NodeFileSystem, versionOf } from '../node/fsPort';

/**
 * The annotation core's {@link WorkspacePort} in the extension. Paths are URI strings.
 *
 * Files on disk (`file:` URIs, where the extension host runs — desktop, remote and server windows
 * alike) go through {@link NodeFileSystem}: its compare-and-swap takes the same lock as the CLI and
 * other windows, and it replaces files with rename(2) (`workspace.fs.rename` with `overwrite` deletes
 * the target before moving, so a reader could find no file at all). Other schemes go through
 * `vscode.workspace.fs`: the check and a temp-file-then-rename write, the best their API offers (no
 * lock: two writers checking at the same instant could still both write).
 */
export class WorkspaceFsPort implements WorkspacePort {
  private readonly disk = new NodeFileSystem();

  async read(path: string, opts: { maxBytes?: number } = {}): Promise<PortRead> {
    const uri = vscode.Uri.parse(path);
    if (uri.scheme === 'file') return this.disk.read(uri.fsPath, opts);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return { kind: 'missing' };
    }
    if (stat.type & vscode.FileType.Directory) throw new Error('is a directory');
    if (stat.size > (opts.maxBytes ?? Infinity)) return { kind: 'too-large', size: stat.size };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > (opts.maxBytes ?? Infinity)) return { kind: 'too-large', size: bytes.length };
    return { kind: 'file', bytes, version: versionOf(bytes) };
  }

  async writeIfUnchanged(path: string, data: Uint8Array, expected: FileVersion | null | undefined): Promise<PortWrite> {
    const uri = vscode.Uri.parse(path);
    if (uri.scheme === 'file') return this.disk.writeIfUnchanged(uri.fsPath, data, expected);
    if (expected !== undefined) {
      const now = await this.read(path).catch(() => undefined);
      const at = now?.kind === 'file' ? now.version : now?.kind === 'missing' ? null : 'unreadable';
      if (at !== expected) return { kind: 'conflict' };
    }
    const tmp = uri.with({ path: `${uri.path}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
    await vscode.workspace.fs.writeFile(tmp, data);
    try {
      await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      throw e;
    }
    return { kind: 'written', version: versionOf(data) };
  }

  async list(root: string, suffixes: readonly string[]): Promise<string[]> {
    const glob = `**/*{${suffixes.join(',')}}`;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(root), glob), '**/node_modules/**');
    return found.map((u) => u.toString()).filter((u) => suffixes.some((s) => u.endsWith(s))).sort();
  }

  watch(root: string, suffixes: readonly string[], listener: (e: PortWatchEvent) => void): PortDisposable {
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.parse(root), `**/*{${suffixes.join(',')}}`));
    const on = (kind: PortWatchEvent['kind']) => (uri: vscode.Uri) => {
      const path = uri.toString();
      if (suffixes.some((s) => path.endsWith(s))) listener({ path, kind });
    };
    return vscode.Disposable.from(w, w.onDidCreate(on('created')), w.onDidChange(on('changed')), w.onDidDelete(on('deleted')));
  }
}

