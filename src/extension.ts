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
import { registerCorrections } from './features/corrections';
import { registerNotes } from './features/notes';
import { registerTagging } from './features/tagging';
import { registerTagsView, type TagsProvider } from './features/tagsView';
import { AnnotationService } from './vscode/annotationService';
import { CorpusIndexer } from './vscode/corpusIndexer';
import { registerCorpusViews } from './features/corpusViews';
import type { CorpusViews } from './features/corpusViews/views';

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
  readonly annotations: AnnotationService;
  readonly tags: TagsProvider;
  /** The corpus views' parts: reading one loads the views (as their first use does). */
  readonly texts: CorpusViews['texts'];
  readonly statements: CorpusViews['statements'];
  readonly pictures: CorpusViews['pictures'];
}

/** Composition root: builds the services, registers the features, owns one disposable. */
export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const owned: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(d: T): T => (owned.push(d), d);

  const files = own(new CorpusFiles());
  const annotations = own(new AnnotationService(files));
  const indexer = own(new CorpusIndexer(files, context.storageUri, (doc) => annotations.extractOptions(doc)));
  own(reindexOnCorrections(annotations, indexer));
  const tree = registerCorpusTree(files);
  own(tree.disposable);
  tree.provider.setDescriber(own(indexDescriber(indexer, annotations)));
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
  own(registerTagging(files, annotations));
  own(registerNotes(files, annotations));
  const tags = registerTagsView(annotations);
  own(tags.disposable);
  own(registerCorrections(indexer, annotations));
  // The corpus views: their code is loaded on first use; nothing is computed, no worker started,
  // no page loaded until one is shown.
  const corpusViews = registerCorpusViews(context.extensionUri, indexer, annotations);
  own(corpusViews.disposable);

  // Features go before the services they use: dispose in reverse order of creation.
  context.subscriptions.push({ dispose: () => owned.reverse().forEach((d) => d.dispose()) });
  // Annotations first: the index's first pass then already knows the analyst's dates and corrections.
  void annotations.ready().then(() => indexer.whenReady());
  return {
    activationMs: performance.now() - loadedAt,
    files,
    indexer,
    corpusTree: tree.provider,
    entities: entities.provider,
    highlighter: decorations.highlighter,
    annotations,
    tags: tags.provider,
    get texts() {
      return corpusViews.views().texts;
    },
    get statements() {
      return corpusViews.views().statements;
    },
    get pictures() {
      return corpusViews.views().pictures;
    },
  };
}

/** Re-extracts documents whose analyst input (date, corrections, corpus names) changed. */
function reindexOnCorrections(annotations: AnnotationService, indexer: CorpusIndexer): vscode.Disposable {
  const seen = new Map<string, string>();
  const key = (doc: string) => JSON.stringify(annotations.extractOptions(doc) ?? null);
  return annotations.onDidChange(({ docs, corpus }) => {
    const targets = corpus ? [...indexer.index.documents()] : docs;
    const changed = targets.filter((doc) => {
      const k = key(doc);
      if (seen.get(doc) === k || (!seen.has(doc) && k === 'null')) return false;
      seen.set(doc, k);
      return indexer.index.has(doc);
    });
    if (changed.length) indexer.reindex(changed.map((d) => vscode.Uri.parse(d)));
  });
}

export function deactivate(): void {}
