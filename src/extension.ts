import * as vscode from 'vscode';
import { registerCorpusTree } from './features/corpusTree';
import type { CorpusTreeProvider } from './features/corpusTree/corpusTreeProvider';
import { registerDocumentLanguage } from './features/documentLanguage';
import { registerSetup } from './features/setup';
import { CorpusFiles } from './vscode/corpusFiles';

const loadedAt = performance.now();

/** What the extension hands to other extensions and to its tests. */
export interface CorpusLensApi {
  /** Milliseconds from this module's load to the end of `activate`. */
  readonly activationMs: number;
  readonly files: CorpusFiles;
  readonly corpusTree: CorpusTreeProvider;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const files = new CorpusFiles();
  const tree = registerCorpusTree(files);
  context.subscriptions.push(
    // Disposed in reverse: features before the services they use.
    files,
    tree.disposable,
    registerDocumentLanguage(files),
    registerSetup(files),
  );
  void files.ready();
  return { activationMs: performance.now() - loadedAt, files, corpusTree: tree.provider };
}

export function deactivate(): void {}
