import * as vscode from 'vscode';
import { CORPUS_FILE, CorpusScope } from '../core/corpus/scope';
import { Disposable } from './disposable';

/** A workspace folder that is a corpus, with the documents it holds. */
export interface CorpusRoot {
  folder: vscode.WorkspaceFolder;
  scope: CorpusScope;
  /** Document URIs (as strings) → URI. Kept current by file watchers, never rescanned on the UI path. */
  documents: Map<string, vscode.Uri>;
}

/** What changed in the set of corpus documents. */
export interface CorpusFilesChange {
  added: vscode.Uri[];
  removed: vscode.Uri[];
  /** Documents whose content changed on disk. */
  changed?: vscode.Uri[];
  /** Roots were added, removed or reconfigured: listeners should start over. */
  reset: boolean;
}

/**
 * The corpus documents of the workspace. A workspace folder is a corpus when it holds a
 * `corpus-lens.yaml` at its root, or when `corpusLens.enable` is set for it; its documents are the
 * files matching `corpusLens.documents` minus `corpusLens.exclude`. Files created, deleted or renamed
 * (in VS Code or outside it) are picked up by watchers.
 */
export class CorpusFiles extends Disposable {
  private roots: CorpusRoot[] = [];
  private readonly changeEmitter = this.register(new vscode.EventEmitter<CorpusFilesChange>());
  readonly onDidChange = this.changeEmitter.event;
  private rootWatchers: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;
  private generation = 0;

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corpusLens.documents') || e.affectsConfiguration('corpusLens.exclude') || e.affectsConfiguration('corpusLens.enable')) this.reload();
      }),
    );
    const marker = this.register(vscode.workspace.createFileSystemWatcher(`**/${CORPUS_FILE}`, false, true, false));
    this.register(marker.onDidCreate((uri) => void this.markerChanged(uri)));
    this.register(marker.onDidDelete((uri) => void this.markerChanged(uri)));
    this.register({ dispose: () => this.rootWatchers.forEach((w) => w.dispose()) });
  }

  /** Resolves once the first listing is done. */
  ready(): Promise<void> {
    return (this.loading ??= this.load());
  }

  getRoots(): readonly CorpusRoot[] {
    return this.roots;
  }

  /** Every document URI of every corpus root. */
  *all(): Iterable<vscode.Uri> {
    for (const r of this.roots) yield* r.documents.values();
  }

  get count(): number {
    return this.roots.reduce((n, r) => n + r.documents.size, 0);
  }

  /** The corpus root a URI belongs to, when it is a corpus document. */
  rootOf(uri: vscode.Uri): CorpusRoot | undefined {
    for (const r of this.roots) {
      const rel = relativePath(r.folder.uri, uri);
      if (rel !== undefined && r.scope.matches(rel)) return r;
    }
    return undefined;
  }

  isCorpusDocument(uri: vscode.Uri): boolean {
    return this.rootOf(uri) !== undefined;
  }

  /**
   * Starts over only when a folder became or stopped being a corpus. The corpus file is rewritten
   * atomically (a rename, seen as delete + create) whenever the analyst tags or renames: that must
   * not rescan the corpus.
   */
  private async markerChanged(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || relativePath(folder.uri, uri) !== CORPUS_FILE) return;
    await this.ready();
    const isCorpus = this.roots.some((r) => r.folder.uri.toString() === folder.uri.toString());
    const shouldBe = vscode.workspace.getConfiguration('corpusLens', folder.uri).get<boolean>('enable', false) || (await exists(uri));
    if (isCorpus !== shouldBe) this.reload();
  }

  reload(): void {
    this.loading = this.load().then(() => this.changeEmitter.fire({ added: [], removed: [], reset: true }));
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const roots: CorpusRoot[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const config = vscode.workspace.getConfiguration('corpusLens', folder.uri);
      const enabled = config.get<boolean>('enable', false) || (await exists(vscode.Uri.joinPath(folder.uri, CORPUS_FILE)));
      if (!enabled) continue;
      const scope = new CorpusScope(config.get<string>('documents', '**/*.txt'), config.get<string>('exclude', ''));
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, scope.documents), scope.excluded || undefined);
      const documents = new Map<string, vscode.Uri>();
      for (const uri of found) {
        const rel = relativePath(folder.uri, uri);
        if (rel !== undefined && scope.matches(rel)) documents.set(uri.toString(), uri);
      }
      roots.push({ folder, scope, documents });
    }
    if (generation !== this.generation) return; // a newer load superseded this one
    this.roots = roots;
    this.watch();
  }

  private watch(): void {
    this.rootWatchers.forEach((w) => w.dispose());
    this.rootWatchers = this.roots.map((root) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.folder, root.scope.documents), false, false, true);
      const onChange = watcher.onDidChange((uri) => {
        if (root.documents.has(uri.toString())) this.changeEmitter.fire({ added: [], removed: [], changed: [uri], reset: false });
      });
      const onCreate = watcher.onDidCreate((uri) => {
        const rel = relativePath(root.folder.uri, uri);
        if (rel === undefined || !root.scope.matches(rel) || root.documents.has(uri.toString())) return;
        root.documents.set(uri.toString(), uri);
        this.changeEmitter.fire({ added: [uri], removed: [], reset: false });
      });
      // Deleting a folder reports the folder alone, which the documents glob does not match:
      // deletions are watched for every path. Creations too: a folder created with files already in
      // it (git checkout, unzip, a folder moved in, `mkdir -p` then a write) reports the folder, and
      // the file watcher on Linux can miss the files written before it watched the new folder.
      const everything = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.folder, '**'), false, true, false);
      const onFolder = everything.onDidCreate((uri) => void this.scanCreated(root, uri));
      const onDelete = everything.onDidDelete((uri) => {
        // A deleted folder arrives as one event for the folder: drop everything under it.
        const prefix = uri.toString().replace(/\/?$/, '/');
        const removed = [...root.documents.values()].filter((u) => u.toString() === uri.toString() || u.toString().startsWith(prefix));
        if (!removed.length) return;
        for (const u of removed) root.documents.delete(u.toString());
        this.changeEmitter.fire({ added: [], removed, reset: false });
      });
      return vscode.Disposable.from(watcher, everything, onCreate, onChange, onFolder, onDelete);
    });
  }

  /** When a created path is a folder, adds the documents already inside it. */
  private async scanCreated(root: CorpusRoot, uri: vscode.Uri): Promise<void> {
    const rel = relativePath(root.folder.uri, uri);
    if (rel === undefined || root.scope.matches(rel)) return; // documents come through the documents watcher
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return; // gone already (a temporary file of an atomic write)
    }
    if (!(stat.type & vscode.FileType.Directory)) return;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'), root.scope.excluded || undefined);
    if (!this.roots.includes(root)) return; // the corpus was reloaded meanwhile
    const added: vscode.Uri[] = [];
    for (const doc of found) {
      const docRel = relativePath(root.folder.uri, doc);
      if (docRel === undefined || !root.scope.matches(docRel) || root.documents.has(doc.toString())) continue;
      root.documents.set(doc.toString(), doc);
      added.push(doc);
    }
    if (added.length) this.changeEmitter.fire({ added, removed: [], reset: false });
  }
}

/** POSIX path of `uri` relative to `base`, or undefined when it is not inside it. */
export function relativePath(base: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (base.scheme !== uri.scheme || base.authority !== uri.authority) return undefined;
  const prefix = base.path.endsWith('/') ? base.path : base.path + '/';
  return uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
