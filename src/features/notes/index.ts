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
 * on its passage. Add Note opens a thread on the selection; Save, Edit and Delete act on the sidecar.
 */
export function registerNotes(files: CorpusFiles, annotations: AnnotationService): vscode.Disposable {
  const controller = vscode.comments.createCommentController(CONTROLLER, vscode.l10n.t('Corpus Lens Notes'));
  controller.options = { prompt: vscode.l10n.t('Write a note on this passage'), placeHolder: vscode.l10n.t('Note') };
  const threads = new Map<string, vscode.CommentThread>(); // `${doc}#${id}` → thread
  const drafts = new Set<vscode.CommentThread>();

  const sync = (doc: string) => {
    const uri = vscode.Uri.parse(doc);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
    const seen = new Set<string>();
    for (const a of annotations.annotations(doc)) {
      if (a.note === undefined || a.status === 'orphaned' || !open) continue;
      const key = `${doc}#${a.id}`;
      seen.add(key);
      const range = new vscode.Range(open.positionAt(a.target.start), open.positionAt(a.target.end));
      let thread = threads.get(key);
      if (!thread) {
        thread = controller.createCommentThread(uri, range, []);
        thread.canReply = false;
        thread.contextValue = 'note';
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        threads.set(key, thread);
      }
      thread.range = range;
      thread.label = a.tags.length ? a.tags.join(', ') : vscode.l10n.t('Note');
      const comment: NoteComment = {
        body: new vscode.MarkdownString(a.note),
        mode: vscode.CommentMode.Preview,
        author: { name: a.author ?? vscode.l10n.t('analyst') },
        timestamp: new Date(a.modified),
        contextValue: 'note',
        annotationId: a.id,
        doc,
        thread,
      };
      thread.comments = [comment];
    }
    for (const [key, thread] of threads) {
      if (key.startsWith(`${doc}#`) && !seen.has(key)) {
        thread.dispose();
        threads.delete(key);
      }
    }
  };
  const syncAll = () => annotations.documents().forEach(sync);

  const saveNote = async (doc: string, start: number, end: number, note: string) => {
    const author = await annotations.authorName();
    return annotations.change(doc, vscode.l10n.t('Add note'), (file, text) => {
      const same = file.data.annotations.find((a) => a.target.start === start && a.target.end === end && a.status !== 'orphaned');
      if (same) return [updateAnnotationEdit(file, same.id, { note })];
      return [{ kind: 'addAnnotation', annotation: createAnnotation(text, start, end, { note, author, taken: new Set(file.data.annotations.map((a) => a.id)) }) }];
    });
  };

  syncAll();
  return vscode.Disposable.from(
    controller,
    { dispose: () => drafts.forEach((t) => t.dispose()) },
    annotations.onDidChange(({ docs }) => docs.forEach(sync)),
    vscode.workspace.onDidOpenTextDocument((d) => files.isCorpusDocument(d.uri) && sync(d.uri.toString())),
    vscode.commands.registerCommand('corpusLens.addNote', async (args?: { note?: string }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const range = selectionOffsets(editor);
      if (!range) return;
      if (args?.note !== undefined) return saveNote(editor.document.uri.toString(), range.start, range.end, args.note);
      // Open an empty thread on the passage; the reply box is where the analyst writes.
      const thread = controller.createCommentThread(editor.document.uri, editor.selection, []);
      thread.canReply = true;
      thread.contextValue = 'draft';
      thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
      drafts.add(thread);
      return undefined;
    }),
    vscode.commands.registerCommand('corpusLens.saveNote', async (reply: vscode.CommentReply) => {
      const doc = reply.thread.uri.toString();
      const open = await vscode.workspace.openTextDocument(reply.thread.uri);
      const range = reply.thread.range;
      if (!range || !reply.text.trim()) return;
      await saveNote(doc, open.offsetAt(range.start), open.offsetAt(range.end), reply.text.trim());
      drafts.delete(reply.thread);
      reply.thread.dispose();
    }),
    vscode.commands.registerCommand('corpusLens.cancelNote', (thread: vscode.CommentThread) => {
      drafts.delete(thread);
      thread.dispose();
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
