import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { TagElement } from '../../src/features/tagsView';
import { api, eventually, workspaceRoot } from './helpers';

const DOC = 'africa/shabaab-manda-bay-audio.txt';
const uri = () => vscode.Uri.joinPath(workspaceRoot(), DOC);
const sidecarUri = () => vscode.Uri.joinPath(workspaceRoot(), `${DOC}.lens.yaml`);

interface Stored {
  annotations?: { id: string; tags: string[]; status?: string; target: { start: number; end: number; exact: string } }[];
}

async function sidecar(): Promise<Stored> {
  return parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri())));
}

/** The Tags view's passages in a group (by its label). */
async function passagesUnder(label: string): Promise<(TagElement & { kind: 'passage' })[]> {
  const { tags } = await api();
  const group = tags.getChildren().find((g) => tags.getTreeItem(g).label === label);
  return group ? (tags.getChildren(group) as (TagElement & { kind: 'passage' })[]) : [];
}

function offsetsOf(editor: vscode.TextEditor, needle: string): vscode.Selection {
  const at = editor.document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${DOC}`);
  return new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + needle.length));
}

describe('Orphaned annotations: undo brings them back, Re-attach to Selection places them', function () {
  this.timeout(60_000);
  let original = '';
  let paragraph = '';
  let passage = '';

  before(async () => {
    const lens = await api();
    await lens.annotations.ready();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri()));
    paragraph = original.split(/\n\s*\n/)[2];
    passage = paragraph.slice(0, 40);
  });

  afterEach(async () => {
    const { annotations } = await api();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(original));
    await vscode.workspace.fs.delete(sidecarUri()).then(undefined, () => undefined);
    await annotations.reloadFromDisk(uri().toString());
  });

  it('deleting a tagged paragraph orphans its tag; Ctrl+Z puts the text back and the tag with it', async () => {
    const { annotations } = await api();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri()));
    editor.selection = offsetsOf(editor, passage);
    await vscode.commands.executeCommand('corpusLens.tagSelection', { tags: ['undo-check'] });
    const id = annotations.annotations(uri().toString())[0].id;

    // The analyst selects the whole paragraph and presses Delete.
    editor.selection = offsetsOf(editor, paragraph);
    await vscode.commands.executeCommand('deleteLeft');
    await eventually('the paragraph gone', () => !editor.document.getText().includes(passage));
    await eventually('the annotation orphaned', () => annotations.annotations(uri().toString())[0].status === 'orphaned');
    await eventually('the tag under Orphaned', async () => (await passagesUnder('Orphaned')).some((p) => p.annotation.id === id));

    // Ctrl+Z.
    await vscode.commands.executeCommand('undo');
    await eventually('the text back exactly', () => editor.document.getText() === original);
    const back = await eventually('the annotation placed again', () => annotations.annotations(uri().toString()).find((a) => a.status === undefined));
    assert.equal(editor.document.getText().slice(back.target.start, back.target.end), passage);
    await eventually('the tag back under its name, none orphaned', async () => (await passagesUnder('Orphaned')).length === 0 && (await passagesUnder('undo-check')).some((p) => p.annotation.id === id));
    // Saved, the sidecar agrees.
    await editor.document.save();
    await eventually('the sidecar without an orphan', async () => (await sidecar()).annotations?.[0]?.status === undefined);
  });

  it('Re-attach to Selection puts an orphan on the selected passage; Undo makes it an orphan again', async () => {
    const { annotations } = await api();
    let editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri()));
    editor.selection = offsetsOf(editor, passage);
    await vscode.commands.executeCommand('corpusLens.tagSelection', { tags: ['reattach-check'] });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // Another program rewrites the passage: it cannot be found any more.
    const rewritten = 'A rewritten opening of this paragraph';
    await vscode.workspace.fs.writeFile(uri(), new TextEncoder().encode(original.replace(passage, rewritten)));
    await annotations.reloadFromDisk(uri().toString());
    assert.equal((await sidecar()).annotations?.[0].status, 'orphaned');
    const orphan = await eventually('the orphan in the Tags view', async () => (await passagesUnder('Orphaned'))[0]);
    assert.equal((await api()).tags.getTreeItem(orphan).contextValue, 'orphanedPassage', 'the context menu offers Re-attach');

    // The analyst finds where it went, selects it, and chooses Re-attach to Selection on the orphan.
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri()));
    // An editor opened again may show the old text for a moment, until it catches up with the file.
    await eventually('the editor to show the file as it is now', () => editor.document.getText().includes(rewritten));
    editor.selection = offsetsOf(editor, rewritten);
    assert.equal(await vscode.commands.executeCommand('corpusLens.reattachAnnotation', orphan), true);
    const placed = (await sidecar()).annotations![0];
    assert.equal(placed.status, undefined);
    assert.equal(placed.target.exact, rewritten);
    assert.deepEqual(placed.tags, ['reattach-check']);
    await eventually('the passage under its tag again', async () => (await passagesUnder('reattach-check')).length === 1 && (await passagesUnder('Orphaned')).length === 0);

    await vscode.commands.executeCommand('corpusLens.undoAnnotation');
    assert.equal((await sidecar()).annotations![0].status, 'orphaned');
    assert.equal(annotations.annotations(uri().toString())[0].status, 'orphaned');
  });
});
