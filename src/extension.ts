import * as vscode from 'vscode';
import { registerCorpusTree } from './features/corpusTree';
import { indexDescriber } from './features/corpusTree/counts';
import type { CorpusTreeProvider } from './features/corpusTree/corpusTreeProvider';
import { registerDecorations, type MentionHighlighter } from './features/decorations';
import { registerDocumentLanguage } from './features/documentLanguage';
import { registerEntitiesView } from './features/entitiesView';
import type { EntitiesProvider } from './features/entitiesView/entitiesProvider';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerNavigation } from './features/navigation';
import { registerSetup } from './features/setup';
import { registerStatus } from './features/status';
import { CorpusFiles } from './vscode/corpusFiles';
import { CorpusIndexer } from './vscode/corpusIndexer';

const loadedAt = performance.now();

/** What the extension hands to other extensions and to its tests. */
export interface CorpusLensApi {
  /** Milliseconds from this module's load to the end of `activate`. */
  readonly activationMs: number;
  readonly files: CorpusFiles;
  readonly indexer: CorpusIndexer;
  readonly corpusTree: CorpusTreeProvider;
  readonly entities: EntitiesProvider;
  readonly highlighter: MentionHighlighter;
}

/** Composition root: builds the services, registers the features, owns one disposable. */
export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const owned: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(d: T): T => (owned.push(d), d);

  const files = own(new CorpusFiles());
  const indexer = own(new CorpusIndexer(files, context.storageUri));
  const tree = registerCorpusTree(files);
  own(tree.disposable);
  tree.provider.setDescriber(own(indexDescriber(indexer)));
  const entities = registerEntitiesView(indexer);
  own(entities.disposable);
  const decorations = registerDecorations(files, indexer);
  own(decorations.disposable);
  own(registerDocumentLanguage(files));
  own(registerSetup(files));
  own(registerStatus(indexer));
  own(registerHover(indexer));
  own(registerInlayHints(indexer));
  own(registerNavigation(indexer));

  // Features go before the services they use: dispose in reverse order of creation.
  context.subscriptions.push({ dispose: () => owned.reverse().forEach((d) => d.dispose()) });
  void indexer.whenReady();
  return { activationMs: performance.now() - loadedAt, files, indexer, corpusTree: tree.provider, entities: entities.provider, highlighter: decorations.highlighter };
}

export function deactivate(): void {}
