import * as vscode from 'vscode';
import { createCorrection, type CorpusEntity } from '../../core/annotations';
import type { MentionType } from '../../core/model';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { mentionAt } from '../navigation/entityAt';

/** The span to correct: the selection, or the mention under the cursor. */
function targetSpan(indexer: CorpusIndexer, editor: vscode.TextEditor): { start: number; end: number } | undefined {
  const doc = editor.document;
  if (!editor.selection.isEmpty) return { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
  indexer.flush(doc);
  const m = mentionAt(indexer.index, doc, editor.selection.active);
  if (!m) void vscode.window.showInformationMessage(vscode.l10n.t('Select text, or put the cursor on a highlighted mention.'));
  return m && { start: m.start, end: m.end };
}

/**
 * Corrections of what the extractor found — Mark as Speaker / Person / Organisation / Place / Date, Not an Entity,
 * Same Entity As…, Rename Entity — and Set Document Date. Span corrections go to the document's
 * sidecar, names to the corpus file; the index re-extracts what they touch, so highlights, views and
 * navigation follow at once, and the analyst's word always wins over the extractor.
 */
export function registerCorrections(indexer: CorpusIndexer, annotations: AnnotationService): vscode.Disposable {
  const correct = async (action: 'mark' | 'not-entity' | 'same-as', extra: { type?: MentionType; entity?: string } = {}) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    const span = targetSpan(indexer, editor);
    if (!span) return false;
    const doc = editor.document.uri.toString();
    const author = await annotations.authorName();
    return annotations.change(doc, vscode.l10n.t('Correct entity'), (file, text) => {
      // A new correction on the same span replaces the previous one: the latest word wins.
      const old = file.data.corrections.filter((c) => c.target.start === span.start && c.target.end === span.end);
      return [
        ...old.map((c) => ({ kind: 'removeCorrection' as const, id: c.id })),
        { kind: 'addCorrection' as const, correction: createCorrection(text, span.start, span.end, { action, ...extra, author, taken: new Set(file.data.corrections.map((c) => c.id)) }) },
      ];
    });
  };

  const mark = (type: MentionType) => () => correct('mark', { type });

  return vscode.Disposable.from(
    vscode.commands.registerCommand('corpusLens.markAsSpeaker', mark('speaker')),
    vscode.commands.registerCommand('corpusLens.markAsPerson', mark('person')),
    vscode.commands.registerCommand('corpusLens.markAsOrganization', mark('organization')),
    vscode.commands.registerCommand('corpusLens.markAsPlace', mark('place')),
    vscode.commands.registerCommand('corpusLens.markAsDate', mark('date')),
    vscode.commands.registerCommand('corpusLens.notAnEntity', () => correct('not-entity')),
    vscode.commands.registerCommand('corpusLens.sameEntityAs', async (entityId?: string) => {
      if (!entityId) {
        const picks = indexer.index.entities().filter((e) => e.type !== 'date').map((e) => ({ label: e.name, description: e.aliases.join(', '), id: e.id }));
        entityId = (await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Same entity as…'), matchOnDescription: true }))?.id;
      }
      if (!entityId) return false;
      const name = indexer.index.entity(entityId)?.name ?? entityId;
      return correct('same-as', { entity: name });
    }),
    vscode.commands.registerCommand('corpusLens.renameEntity', async (newName?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      indexer.flush(editor.document);
      const m = mentionAt(indexer.index, editor.document, editor.selection.active);
      const entity = m && indexer.index.entity(m.entity);
      if (!entity) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a highlighted mention to rename its entity.'));
        return false;
      }
      newName ??= await vscode.window.showInputBox({ title: vscode.l10n.t('Rename entity'), value: entity.name, prompt: vscode.l10n.t('The name shown for every mention of this entity, across the corpus') });
      if (!newName?.trim() || newName.trim() === entity.name) return false;
      const name = newName.trim();
      const doc = editor.document.uri.toString();
      return annotations.changeCorpus(doc, vscode.l10n.t('Rename entity'), (file) => {
        const existing = file.data.entities.find((e) => e.id === entity.id);
        const aliases = [...new Set([...(existing?.aliases ?? []), entity.name, ...entity.aliases])].filter((a) => a !== name);
        const next: CorpusEntity = { id: entity.id, name, type: entity.type === 'source' ? 'person' : entity.type, aliases, merged: existing?.merged ?? [], ...(existing?.note ? { note: existing.note } : {}) };
        return [existing ? { kind: 'updateEntity', entity: next } : { kind: 'addEntity', entity: next }];
      });
    }),
    vscode.commands.registerCommand('corpusLens.setDocumentDate', async (date?: string, uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return false;
      const doc = target.toString();
      const current = indexer.index.resolved(doc)?.documentDate;
      date ??= await vscode.window.showInputBox({
        title: vscode.l10n.t('Set document date'),
        value: current?.value ?? '',
        prompt: vscode.l10n.t('ISO date: YYYY-MM-DD, YYYY-MM or YYYY. Empty to let Corpus Lens infer it.'),
        validateInput: (v) => (v.trim() === '' || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v.trim()) ? undefined : vscode.l10n.t('Use YYYY-MM-DD, YYYY-MM or YYYY')),
      });
      if (date === undefined) return false;
      const value = date.trim() || undefined;
      return annotations.change(doc, vscode.l10n.t('Set document date'), () => [{ kind: 'setDocumentField', field: 'date', value }]);
    }),
  );
}
