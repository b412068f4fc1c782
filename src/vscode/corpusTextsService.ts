import * as vscode from 'vscode';
import { CorpusTexts } from '../node/corpusTexts';
import type { CorpusIndexer } from './corpusIndexer';
import { Disposable } from './disposable';

/**
 * The corpus's texts for the views that read them (Concordance, Statements), kept in a worker thread
 * (see {@link CorpusTexts}). Nothing starts at activation: the worker starts, and reads the files,
 * the first time a view asks. From then on it follows the index: documents that changed are read
 * again when next needed, and an open document with unsaved edits is searched as the editor holds it
 * (as the index analyses it).
 */
export class CorpusTextsService extends Disposable {
  private texts: CorpusTexts | undefined;

  constructor(private readonly indexer: CorpusIndexer) {
    super();
    this.register(
      indexer.index.onDidChange(({ docs }) => {
        if (!this.texts) return;
        this.texts.sync(indexer.index.documents());
        this.follow(docs);
      }) as vscode.Disposable,
    );
    this.register({ dispose: () => this.texts?.dispose() });
  }

  /** The texts, started and given the document list on first use. */
  get(): CorpusTexts {
    if (!this.texts) {
      const texts = (this.texts = new CorpusTexts());
      texts.resync = () => {
        texts.sync(this.indexer.index.documents());
        this.follow([...this.indexer.index.documents()]);
      };
      texts.resync();
    }
    return this.texts;
  }

  /** Editors' unsaved texts replace the files'; other changed documents are read again. */
  private follow(docs: readonly string[]): void {
    const texts = this.texts!;
    const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d]));
    const reread: string[] = [];
    for (const doc of docs) {
      const editor = open.get(doc);
      if (editor) texts.put(doc, editor.getText());
      else if (!doc.startsWith('file:')) void this.readElsewhere(texts, doc);
      else reread.push(doc);
    }
    texts.invalidate(reread);
  }

  /** The worker reads `file:` documents; others (a virtual workspace) are read through VS Code and handed in. */
  private async readElsewhere(texts: CorpusTexts, doc: string): Promise<void> {
    try {
      texts.put(doc, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(doc))));
    } catch {
      // Unreadable: the index drops it too.
    }
  }
}
