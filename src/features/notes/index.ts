import * as vscode from 'vscode';
import { createAnnotation, updateAnnotationEdit } from '../../core/annotations';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusFiles } from '../../vscode/corpusFiles';
import { selectionOffsets } from '../tagging';

const CONTROLLER = 'corpusLens.notes';

interface NoteComment extends vscode.Comment {
  annotationId: string;
  doc: string;
  thread: vscode.CommentThread;
}

/**
 * Notes on passages through VS Code's Comments API: each annotation with a note is a comment thread
 * on its passage. Add Note opens VS Code's own new-comment box on the selection (the one that takes
 * the keyboard: typing goes into the note, never into the article); Save, Edit and Delete act on the
 * sidecar.
 */
export function registerNotes(files: CorpusFiles, annotations: AnnotationService): vscode.Disposable {
  const controller = vscode.comments.createCommentController(CONTROLLER, vscode.l10n.t('Corpus Lens Notes'));
  controller.options = { prompt: vscode.l10n.t('Write a note on this passage'), placeHolder: vscode.l10n.t('Note') };
  // Corpus documents accept comments anywhere: that is what lets VS Code open its new-comment box,
  // with the cursor in it, on the selection (an extension cannot focus a thread it creates itself).
  controller.commentingRangeProvider = {
    provideCommentingRanges: (document) => {
      if (!files.isCorpusDocument(document.uri)) return [];
      const last = document.lineAt(document.lineCount - 1);
      return [new vscode.Range(0, 0, last.lineNumber, last.text.length)];
    },
  };
  const threads = new Map<string, vscode.CommentThread>(); // `${doc}#${id}` → thread

  const sync = (doc: string) => {
    const uri = vscode.Uri.parse(doc);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
    const seen = new Set<string>();
    for (const a of annotations.annotations(doc)) {
      if (a.note === undefined || a.status === 'orphaned' || !open) continue;
      const key = `${doc}#${a.id}`;
      seen.add(key);
      const range = new vscode.Range(open.positionAt(a.target.start), open.positionAt(a.target.end));
      const comment = {
        body: new vscode.MarkdownString(a.note),
        mode: vscode.CommentMode.Preview,
        author: { name: a.author ?? vscode.l10n.t('analyst') },
        timestamp: new Date(a.modified),
        contextValue: 'note',
        annotationId: a.id,
        doc,
      } as NoteComment;
      let thread = threads.get(key);
      if (!thread) {
        // Created with its comment in one message: a thread that reaches the workbench empty and is
        // filled a moment later is missed by an open Comments panel.
        thread = controller.createCommentThread(uri, range, [comment]);
        thread.canReply = false;
        thread.contextValue = 'note';
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        threads.set(key, thread);
      } else {
        thread.range = range;
        thread.comments = [comment];
      }
      comment.thread = thread;
      thread.label = a.tags.length ? a.tags.join(', ') : vscode.l10n.t('Note');
    }
    for (const [key, thread] of threads) {
      if (key.startsWith(`${doc}#`) && !seen.has(key)) {
        thread.dispose();
        threads.delete(key);
      }
    }
  };
  const syncAll = () => annotations.documents().forEach(sync);

  /** Stores a note on a passage; `append` keeps a note the passage already has (the new one follows it). */
  const saveNote = async (doc: string, start: number, end: number, note: string, append = false) => {
    const author = await annotations.authorName();
    return annotations.change(doc, vscode.l10n.t('Add note'), (file, text) => {
      const same = file.data.annotations.find((a) => a.target.start === start && a.target.end === end && a.status !== 'orphaned');
      if (same) return [updateAnnotationEdit(file, same.id, { note: append && same.note ? `${same.note}\n\n${note}` : note })];
      return [{ kind: 'addAnnotation', annotation: createAnnotation(text, start, end, { note, author, taken: new Set(file.data.annotations.map((a) => a.id)) }) }];
    });
  };

  syncAll();
  return vscode.Disposable.from(
    controller,
    annotations.onDidChange(({ docs }) => docs.forEach(sync)),
    vscode.workspace.onDidOpenTextDocument((d) => files.isCorpusDocument(d.uri) && sync(d.uri.toString())),
    vscode.commands.registerCommand('corpusLens.addNote', async (args?: { note?: string }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const range = selectionOffsets(editor);
      if (!range) return;
      const doc = editor.document.uri.toString();
      if (args?.note !== undefined) return saveNote(doc, range.start, range.end, args.note);
      // VS Code's Add Comment opens the box on the selection with the cursor in it. On a line that
      // already has threads it would only fold or unfold them (a paragraph is one line here), so
      // those step aside while the box opens, and come back at once.
      const line = editor.selection.end.line;
      const aside = [...threads].filter(([key, t]) => key.startsWith(`${doc}#`) && t.range?.end.line === line);
      for (const [key, t] of aside) {
        t.dispose();
        threads.delete(key);
      }
      try {
        if (aside.length) await new Promise((r) => setTimeout(r, 50)); // let the workbench drop them first
        await vscode.commands.executeCommand('workbench.action.addComment');
      } finally {
        if (aside.length) sync(doc);
      }
      return undefined;
    }),
    vscode.commands.registerCommand('corpusLens.saveNote', async (reply: vscode.CommentReply) => {
      const range = reply.thread.range;
      const note = reply.text.trim();
      if (!range || !note) return;
      const open = await vscode.workspace.openTextDocument(reply.thread.uri);
      // A passage that has a note already keeps it: the new one is added after it.
      const saved = await saveNote(reply.thread.uri.toString(), open.offsetAt(range.start), open.offsetAt(range.end), note, true);
      // Not saved (a broken sidecar, reported): the box stays open with the text in it.
      if (saved) reply.thread.dispose();
    }),
    vscode.commands.registerCommand('corpusLens.cancelNote', (arg: vscode.CommentReply | vscode.CommentThread) => {
      // The comment box's actions receive the reply (thread and text); keep the thread form working too.
      ('thread' in arg ? arg.thread : arg).dispose();
    }),
    vscode.commands.registerCommand('corpusLens.editNote', (comment: NoteComment) => {
      comment.thread.comments = comment.thread.comments.map((c) => ((c as NoteComment).annotationId === comment.annotationId ? { ...c, mode: vscode.CommentMode.Editing } : c));
    }),
    vscode.commands.registerCommand('corpusLens.updateNote', async (comment: NoteComment) => {
      const body = typeof comment.body === 'string' ? comment.body : comment.body.value;
      await annotations.change(comment.doc, vscode.l10n.t('Edit note'), (file) => [updateAnnotationEdit(file, comment.annotationId, { note: body })]);
    }),
    vscode.commands.registerCommand('corpusLens.deleteNote', async (comment: NoteComment) => {
      await annotations.change(comment.doc, vscode.l10n.t('Delete note'), (file) => {
        const a = file.data.annotations.find((x) => x.id === comment.annotationId);
        if (!a) return [];
        // A passage that keeps tags keeps its annotation; a note alone goes with its annotation.
        return a.tags.length ? [updateAnnotationEdit(file, a.id, { note: undefined })] : [{ kind: 'removeAnnotation', id: a.id }];
      });
    }),
    { dispose: () => threads.forEach((t) => t.dispose()) },
  );
}
