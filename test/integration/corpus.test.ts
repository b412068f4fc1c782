import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusElement } from '../../src/features/corpusTree/corpusTreeProvider';
import { hashText } from '../../src/core/annotations/target';
import { api, eventually, workspaceRoot } from './helpers';

async function listDocuments(provider: vscode.TreeDataProvider<CorpusElement>, element?: CorpusElement): Promise<string[]> {
  const out: string[] = [];
  for (const child of (await provider.getChildren(element)) ?? []) {
    if (child.kind === 'document') out.push(child.path);
    else out.push(...(await listDocuments(provider, child)));
  }
  return out;
}

describe('Corpus view', () => {
  it('activates in a corpus workspace and reports its activation time', async () => {
    const lens = await api();
    assert.ok(lens.activationMs >= 0 && lens.activationMs < 5_000, `activation took ${lens.activationMs} ms`);
    console.log(`activation: ${lens.activationMs.toFixed(1)} ms`);
  });

  it('lists the sample documents grouped by folder, folders first', async () => {
    const { corpusTree } = await api();
    const top = await corpusTree.getChildren();
    const folders = top.filter((e) => e.kind === 'folder');
    assert.ok(folders.length >= 2, `expected at least two folders, got ${top.map((e) => e.kind).join(', ')}`);
    const firstDoc = top.findIndex((e) => e.kind === 'document');
    assert.ok(firstDoc === -1 || firstDoc >= folders.length, 'folders come before documents');
    const docs = await listDocuments(corpusTree);
    assert.ok(docs.length >= 8, `expected the sample corpus' documents, got ${docs.length}`);
    assert.ok(docs.every((d) => d.endsWith('.txt')), `only .txt documents by default: ${docs.join(', ')}`);
    const item = corpusTree.getTreeItem(folders[0]);
    assert.match(String(item.description), /\d+ documents?/);
  });

  it('opens a document from the view with the corpus language', async () => {
    const { corpusTree } = await api();
    const docs = await listDocuments(corpusTree);
    const uri = vscode.Uri.joinPath(workspaceRoot(), docs[0]);
    const top = await corpusTree.getChildren();
    const find = async (els: CorpusElement[]): Promise<CorpusElement | undefined> => {
      for (const e of els) {
        if (e.kind === 'document' && e.uri.toString() === uri.toString()) return e;
        if (e.kind !== 'document') {
          const hit = await find(await corpusTree.getChildren(e));
          if (hit) return hit;
        }
      }
      return undefined;
    };
    const element = await find(top);
    assert.ok(element);
    const item = corpusTree.getTreeItem(element);
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await eventually('the document to open', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor);
    await eventually('the corpus language', () => editor.document.languageId === 'corpus' || vscode.window.activeTextEditor?.document.languageId === 'corpus');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('picks up documents created, renamed and deleted on disk', async () => {
    const { corpusTree } = await api();
    const root = workspaceRoot();
    const folder = vscode.Uri.joinPath(root, 'new-folder');
    const created = vscode.Uri.joinPath(folder, 'late-report.txt');
    const renamed = vscode.Uri.joinPath(folder, 'renamed-report.txt');
    try {
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('Late report\n\nA new document.\n'));
      await eventually('the created document in the view', async () => (await listDocuments(corpusTree)).includes('new-folder/late-report.txt'));
      await vscode.workspace.fs.rename(created, renamed);
      await eventually('the rename in the view', async () => {
        const docs = await listDocuments(corpusTree);
        return docs.includes('new-folder/renamed-report.txt') && !docs.includes('new-folder/late-report.txt');
      });
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
    await eventually('the deletion in the view', async () => !(await listDocuments(corpusTree)).some((d) => d.startsWith('new-folder/')));
  });

  it('picks up a folder of documents moved into the workspace, files already inside', async () => {
    const { corpusTree, files, annotations } = await api();
    const root = workspaceRoot();
    // Written outside the workspace, then moved in whole: no watcher ever sees the files created.
    const outside = fs.mkdtempSync(path.join(path.dirname(root.fsPath), 'corpus-lens-moved-')) // same file system, outside the folder;
    fs.mkdirSync(path.join(outside, 'inner'));
    const first = 'First report\n\nA moved document.\n';
    fs.writeFileSync(path.join(outside, 'first.txt'), first);
    // Its annotations come with it.
    const sidecar = ['version: 1', 'document:', `  hash: ${hashText(first)}`, 'annotations:', '  - id: a-moved01', '    target: { start: 14, end: 30, exact: "A moved document" }', '    tags: [claim]', '    created: 2026-01-01T10:00:00Z', ''];
    fs.writeFileSync(path.join(outside, 'first.txt.lens.yaml'), sidecar.join('\n'));
    fs.writeFileSync(path.join(outside, 'inner', 'second.txt'), 'Second report\n\nAnother one.\n');
    fs.writeFileSync(path.join(outside, 'inner', 'notes.md'), '# not a document\n');
    const inside = path.join(root.fsPath, 'moved-in');
    const before = files.count;
    try {
      fs.renameSync(outside, inside);
      await eventually('the moved documents in the view', async () => {
        const docs = await listDocuments(corpusTree);
        return docs.includes('moved-in/first.txt') && docs.includes('moved-in/inner/second.txt');
      });
      assert.equal(files.count, before + 2, 'the two documents, not the markdown file');
      const doc = vscode.Uri.file(path.join(inside, 'first.txt')).toString();
      const tagged = await eventually('the moved annotation', () => annotations.annotations(doc)[0]);
      assert.deepEqual([tagged.target.start, tagged.target.end, tagged.tags], [14, 30, ['claim']]);
    } finally {
      fs.rmSync(inside, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
    await eventually('the moved folder gone from the view', async () => !(await listDocuments(corpusTree)).some((d) => d.startsWith('moved-in/')));
  });

  it('ignores files outside the documents glob', async () => {
    const { corpusTree, files } = await api();
    const note = vscode.Uri.joinPath(workspaceRoot(), 'notes.md');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('# not a corpus document by default\n'));
    try {
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(files.isCorpusDocument(note), false);
      assert.ok(!(await listDocuments(corpusTree)).includes('notes.md'));
    } finally {
      await vscode.workspace.fs.delete(note);
    }
  });

  it('contributes its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['corpusLens.refresh', 'corpusLens.initCorpus']) assert.ok(all.includes(id), `${id} is registered`);
    await vscode.commands.executeCommand('corpusLens.refresh');
  });
});
