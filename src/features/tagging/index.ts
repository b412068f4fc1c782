import * as vscode from 'vscode';
import { createAnnotation, updateAnnotationEdit, type Annotation } from '../../core/annotations';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusFiles } from '../../vscode/corpusFiles';
import { CORPUS_SELECTOR } from '../selector';

/** Arguments a keybinding can pass to Tag Selection to apply fixed tags in one keystroke. */
export interface TagSelectionArgs {
  tags: string[];
  note?: string;
}

const PALETTE = ['#e5534b', '#f69d50', '#c69026', '#57ab5a', '#39c5cf', '#539bf5', '#986ee2', '#e275ad'];

/** The selected text's offsets in the editor, or undefined (with a message) when nothing is selected. */
export function selectionOffsets(editor: vscode.TextEditor): { start: number; end: number } | undefined {
  const sel = editor.selection;
  if (sel.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a passage first.'));
    return undefined;
  }
  return { start: editor.document.offsetAt(sel.start), end: editor.document.offsetAt(sel.end) };
}

/**
 * Tag Selection, tagged passages in their tags' colours with their tags' names after them, and Undo.
 * The names are inlay hints, not decorations: the editor wraps lines with hints in them, whereas text
 * added by a decoration is not measured and pushes a long line past the right edge.
 */
export function registerTagging(files: CorpusFiles, annotations: AnnotationService): vscode.Disposable {
  const types = new Map<string, vscode.TextEditorDecorationType>();
  const typeFor = (tag: string) => {
    let t = types.get(tag);
    if (!t) {
      const color = annotations.tagColor(tag) ?? PALETTE[hash(tag) % PALETTE.length];
      const themed = color.startsWith('#') ? undefined : new vscode.ThemeColor(color);
      t = vscode.window.createTextEditorDecorationType({
        borderWidth: '0 0 2px 0',
        borderStyle: 'solid',
        borderColor: themed ?? color,
        backgroundColor: themed ? undefined : `${color.slice(0, 7)}1f`,
        overviewRulerColor: themed ?? color,
        overviewRulerLane: vscode.OverviewRulerLane.Full,
      });
      types.set(tag, t);
    }
    return t;
  };
  const decorate = (editor: vscode.TextEditor) => {
    const doc = editor.document;
    if (!files.isCorpusDocument(doc.uri)) return;
    const byTag = new Map<string, vscode.DecorationOptions[]>();
    for (const tag of types.keys()) byTag.set(tag, []);
    const length = doc.getText().length;
    for (const a of annotations.annotations(doc.uri.toString())) {
      if (a.status === 'orphaned' || a.target.end > length) continue;
      const range = new vscode.Range(doc.positionAt(a.target.start), doc.positionAt(a.target.end));
      for (const tag of a.tags) {
        typeFor(tag);
        let list = byTag.get(tag);
        if (!list) byTag.set(tag, (list = []));
        list.push({ range, hoverMessage: a.note });
      }
    }
    for (const [tag, ranges] of byTag) editor.setDecorations(typeFor(tag), ranges);
  };
  const decorateAll = () => vscode.window.visibleTextEditors.forEach(decorate);

  // After each tagged passage, its tags' names.
  const hintsChanged = new vscode.EventEmitter<void>();
  const labels: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: hintsChanged.event,
    provideInlayHints(document, range) {
      if (!files.isCorpusDocument(document.uri)) return [];
      const from = document.offsetAt(range.start);
      const to = document.offsetAt(range.end);
      const text = document.getText();
      const hints: vscode.InlayHint[] = [];
      for (const a of annotations.annotations(document.uri.toString())) {
        if (!a.tags.length || a.status === 'orphaned' || a.target.end > text.length || a.target.end < from || a.target.end > to) continue;
        const hint = new vscode.InlayHint(document.positionAt(a.target.end), a.tags.join(', '));
        hint.paddingLeft = true;
        // A passage that ends inside a word: keep the label off the next letter.
        hint.paddingRight = /[\p{L}\p{N}]/u.test(text[a.target.end] ?? '');
        const tooltip = new vscode.MarkdownString();
        tooltip.appendText(a.tags.length === 1 ? vscode.l10n.t('Tag: {0}', a.tags[0]) : vscode.l10n.t('Tags: {0}', a.tags.join(', ')));
        if (a.note) tooltip.appendMarkdown('\n\n---\n\n').appendText(a.note);
        hint.tooltip = tooltip;
        hints.push(hint);
      }
      return hints;
    },
  };

  const tagSelection = async (args?: TagSelectionArgs) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const range = selectionOffsets(editor);
    if (!range) return;
    let tags = args?.tags;
    if (!tags) {
      const known = annotations.tagNames();
      const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
      qp.canSelectMany = true;
      qp.title = vscode.l10n.t('Tag the selected passage');
      qp.placeholder = vscode.l10n.t('Pick tags, or type a new tag and press Enter');
      const base = known.map((label) => ({ label }));
      qp.items = base;
      qp.onDidChangeValue((v) => {
        const value = v.trim();
        const selected = qp.selectedItems;
        qp.items = value && !known.includes(value) ? [{ label: value, description: vscode.l10n.t('new tag') }, ...base] : base;
        qp.selectedItems = qp.items.filter((i) => selected.some((s) => s.label === i.label));
      });
      tags = await new Promise<string[] | undefined>((resolve) => {
        qp.onDidAccept(() => {
          const picked = qp.selectedItems.map((i) => i.label);
          const typed = qp.value.trim();
          resolve(picked.length ? picked : typed ? [typed] : []);
          qp.hide();
        });
        qp.onDidHide(() => resolve(undefined));
        qp.show();
      });
      qp.dispose();
    }
    if (!tags?.length) return;
    const doc = editor.document.uri.toString();
    const author = await annotations.authorName();
    const chosen = tags;
    await annotations.change(doc, vscode.l10n.t('Tag passage'), (file, text) => {
      // Tagging the exact same passage again adds to its tags rather than stacking annotations.
      const same = file.data.annotations.find((a) => a.target.start === range.start && a.target.end === range.end && a.status !== 'orphaned');
      if (same) return [updateAnnotationEdit(file, same.id, { tags: [...same.tags, ...chosen], ...(args?.note !== undefined ? { note: args.note } : {}) })];
      const a: Annotation = createAnnotation(text, range.start, range.end, { tags: chosen, note: args?.note, author, taken: new Set(file.data.annotations.map((x) => x.id)) });
      return [{ kind: 'addAnnotation', annotation: a }];
    });
    await ensureTagsInVocabulary(annotations, doc, chosen);
  };

  return vscode.Disposable.from(
    { dispose: () => types.forEach((t) => t.dispose()) },
    hintsChanged,
    vscode.languages.registerInlayHintsProvider(CORPUS_SELECTOR, labels),
    annotations.onDidChange(({ corpus }) => {
      if (corpus) {
        // Colours may have changed: recreate the decoration types.
        types.forEach((t) => t.dispose());
        types.clear();
      }
      decorateAll();
      hintsChanged.fire();
    }),
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    vscode.commands.registerCommand('corpusLens.tagSelection', tagSelection),
    vscode.commands.registerCommand('corpusLens.undoAnnotation', async () => {
      const label = await annotations.undo();
      vscode.window.setStatusBarMessage(label ? vscode.l10n.t('Undone: {0}', label) : vscode.l10n.t('Nothing to undo'), 3000);
      return label;
    }),
    vscode.commands.registerCommand('corpusLens.removeAnnotation', async (target?: { doc: string; id: string }) => {
      const editor = vscode.window.activeTextEditor;
      let doc = target?.doc;
      let id = target?.id;
      if (!id && editor) {
        doc = editor.document.uri.toString();
        const at = editor.document.offsetAt(editor.selection.active);
        id = annotations.annotations(doc).find((a) => a.target.start <= at && at <= a.target.end)?.id;
      }
      if (!doc || !id) return;
      const annotationId = id;
      await annotations.change(doc, vscode.l10n.t('Remove annotation'), () => [{ kind: 'removeAnnotation', id: annotationId }]);
    }),
  );
}

/** New tags join the corpus file's vocabulary (with a colour), so the next quick pick offers them. */
async function ensureTagsInVocabulary(annotations: AnnotationService, doc: string, tags: string[]): Promise<void> {
  const known = new Set(annotations.corpusData(doc)?.tags.map((t) => t.name) ?? []);
  const missing = tags.filter((t) => !known.has(t));
  if (!missing.length) return;
  await annotations.changeCorpus(doc, vscode.l10n.t('Add tags'), (file) =>
    missing.filter((t) => !file.data.tags.some((x) => x.name === t)).map((name) => ({ kind: 'addTag' as const, tag: { name, color: PALETTE[hash(name) % PALETTE.length] } })),
    // Part of tagging, not a change of its own: undoing the tag leaves the vocabulary alone.
    false,
  );
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
