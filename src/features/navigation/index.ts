import * as vscode from 'vscode';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { locationOf, rangeOf } from '../../vscode/convert';
import { CORPUS_SELECTOR } from '../selector';
import { definitionOf, mentionAt, orderedReferences } from './entityAt';
import { plural } from '../../vscode/plural';

const SYMBOL_KINDS = {
  speaker: vscode.SymbolKind.Object,
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Namespace,
  date: vscode.SymbolKind.Event,
} as const;

/**
 * Navigation through VS Code's own providers, so Go to Definition, Peek, Find All References,
 * highlights and Ctrl+T work on entities: plus Next / Previous Mention across files.
 */
export function registerNavigation(indexer: CorpusIndexer): vscode.Disposable {
  const index = indexer.index;
  const fresh = (document: vscode.TextDocument) => (indexer.flush(document), index);

  const definition: vscode.DefinitionProvider = {
    provideDefinition(document, position) {
      const m = mentionAt(fresh(document), document, position);
      const def = m && definitionOf(index, m.entity);
      return def && locationOf(index, def.doc, def.mention.start, def.mention.end);
    },
  };

  const references: vscode.ReferenceProvider = {
    provideReferences(document, position, context) {
      const m = mentionAt(fresh(document), document, position);
      if (!m) return undefined;
      const refs = orderedReferences(index, m.entity);
      const here = (r: (typeof refs)[number]) => r.doc === document.uri.toString() && r.mention.start === m.start;
      return refs.filter((r) => context.includeDeclaration || !here(r)).flatMap((r) => locationOf(index, r.doc, r.mention.start, r.mention.end) ?? []);
    },
  };

  const highlights: vscode.DocumentHighlightProvider = {
    provideDocumentHighlights(document, position) {
      const m = mentionAt(fresh(document), document, position);
      if (!m) return undefined;
      return index
        .resolved(document.uri.toString())!
        .mentions.filter((x) => x.entity === m.entity)
        .map((x) => new vscode.DocumentHighlight(new vscode.Range(document.positionAt(x.start), document.positionAt(x.end)), vscode.DocumentHighlightKind.Text));
    },
  };

  const symbols: vscode.WorkspaceSymbolProvider = {
    provideWorkspaceSymbols(query) {
      return index.search(query).flatMap((e) => {
        const def = definitionOf(index, e.id);
        const loc = def && locationOf(index, def.doc, def.mention.start, def.mention.end);
        if (!loc || !def) return [];
        const kind = index.kindOf(e.id) ?? def.mention.type;
        const stats = index.stats(e.id);
        const container = `${kind} · ${plural.mentions(stats.mentions)} · ${plural.files(stats.documents)}`;
        return [new vscode.SymbolInformation(e.aliases.length ? `${e.name} (${e.aliases.join(', ')})` : e.name, SYMBOL_KINDS[kind], container, loc)];
      });
    },
  };

  const step = async (direction: 1 | -1) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const m = mentionAt(fresh(editor.document), editor.document, editor.selection.active);
    if (!m) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a highlighted name, place or date to move between its mentions.'));
      return;
    }
    const refs = orderedReferences(index, m.entity);
    const at = refs.findIndex((r) => r.doc === editor.document.uri.toString() && r.mention.start === m.start);
    const next = refs[(at + direction + refs.length) % refs.length];
    const uri = vscode.Uri.parse(next.doc);
    const range = rangeOf(index, next.doc, next.mention.start, next.mention.end);
    if (!range) return;
    const target = await vscode.window.showTextDocument(uri, { selection: range, preview: true });
    target.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const stats = index.stats(m.entity);
    vscode.window.setStatusBarMessage(vscode.l10n.t('{0}: mention {1} of {2}', index.entity(m.entity)?.name ?? m.text, refs.indexOf(next) + 1, stats.mentions), 3000);
  };

  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(CORPUS_SELECTOR, definition),
    vscode.languages.registerReferenceProvider(CORPUS_SELECTOR, references),
    vscode.languages.registerDocumentHighlightProvider(CORPUS_SELECTOR, highlights),
    vscode.languages.registerWorkspaceSymbolProvider(symbols),
    vscode.commands.registerCommand('corpusLens.nextMention', () => step(1)),
    vscode.commands.registerCommand('corpusLens.showMentions', async (entity?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!entity && editor) entity = mentionAt(fresh(editor.document), editor.document, editor.selection.active)?.entity;
      if (!entity) return;
      const locations = orderedReferences(index, entity).flatMap((r) => locationOf(index, r.doc, r.mention.start, r.mention.end) ?? []);
      if (!locations.length) return;
      const anchor = editor ? { uri: editor.document.uri, position: editor.selection.active } : { uri: locations[0].uri, position: locations[0].range.start };
      await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.position, locations);
    }),
    vscode.commands.registerCommand('corpusLens.previousMention', () => step(-1)),
  );
}
