import * as vscode from 'vscode';
import type { CorpusFiles } from '../../vscode/corpusFiles';

export const CORPUS_LANGUAGE = 'corpus';

/**
 * Gives corpus documents the `corpus` language (grammar, word pattern, and the language features
 * registered for it). Only plain-text files inside a corpus are switched, so `.txt` files of other
 * projects — and Markdown, which keeps its own features — are left alone.
 */
export function registerDocumentLanguage(files: CorpusFiles): vscode.Disposable {
  const adopt = (doc: vscode.TextDocument) => {
    if (doc.languageId === 'plaintext' && files.isCorpusDocument(doc.uri)) {
      void vscode.languages.setTextDocumentLanguage(doc, CORPUS_LANGUAGE).then(undefined, () => undefined);
    }
  };
  const adoptAll = () => vscode.workspace.textDocuments.forEach(adopt);
  void files.ready().then(adoptAll);
  return vscode.Disposable.from(vscode.workspace.onDidOpenTextDocument(adopt), files.onDidChange(adoptAll));
}
