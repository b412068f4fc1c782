import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EntityElement } from '../../src/features/entitiesView/entitiesProvider';
import { api, eventually, workspaceRoot } from './helpers';

const TAPE = 'iraq-syria/baghdadi-mosul-tape.txt';

async function open(path: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), path));
  return vscode.window.showTextDocument(doc);
}

/** Position inside the n-th occurrence of `needle` (n from 0). */
function positionOf(doc: vscode.TextDocument, needle: string, n = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" #${n} is in ${doc.uri.path}`);
  return doc.positionAt(at + Math.floor(needle.length / 2));
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

describe('Reading: index, providers, views', function () {
  this.timeout(60_000);

  before(async () => {
    const { indexer } = await api();
    await indexer.whenReady();
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('indexes every corpus document in the background', async () => {
    const { indexer, files } = await api();
    await eventually('the index to hold every corpus document', async () => {
      await indexer.whenReady();
      return indexer.index.size === files.count;
    });
    assert.ok(indexer.index.entities().some((e) => e.name === 'Abu Bakr al-Baghdadi'), 'the leader is an entity');
  });

  it('Go to Definition jumps from a surname to the entity’s full name', async () => {
    const editor = await open(TAPE);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'al-Baghdadi', 1));
    assert.equal(defs.length, 1);
    const def = defs[0] as vscode.Location;
    const target = await vscode.workspace.openTextDocument(def.uri);
    assert.equal(target.getText(def.range), 'Abu Bakr al-Baghdadi');
  });

  it('Find All References returns every mention across files', async () => {
    const editor = await open(TAPE);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, 'Abu Bakr al-Baghdadi'));
    const files = new Set(refs.map((r) => r.uri.toString()));
    assert.ok(files.size >= 3, `mentions in ${files.size} files`);
    for (const r of refs) {
      const text = (await vscode.workspace.openTextDocument(r.uri)).getText(r.range);
      assert.match(text, /Baghdadi/i, `reference text "${text}" in ${r.uri.path}`);
    }
  });

  it('Document Highlights mark the entity’s mentions in this file only', async () => {
    const editor = await open(TAPE);
    const doc = editor.document;
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, positionOf(doc, 'Halvorsen'));
    assert.ok(highlights.length >= 2);
    for (const h of highlights) assert.match(doc.getText(h.range), /Halvorsen/);
  });

  it('Workspace Symbols find entities by part of a name', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'bagh');
    assert.ok(symbols.some((s) => s.name.startsWith('Abu Bakr al-Baghdadi')), symbols.map((s) => s.name).join(', '));
    const places = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'mosul');
    assert.ok(places.some((s) => s.name.startsWith('Mosul') && s.kind === vscode.SymbolKind.Namespace), places.map((s) => `${s.name}:${s.kind}`).join(', '));
  });

  it('the hover card says who, how often and links to the mentions', async () => {
    const editor = await open(TAPE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'Abu Bakr al-Baghdadi'));
    const text = hoverText(hovers);
    assert.match(text, /Abu Bakr al-Baghdadi/);
    assert.match(text, /Speaker/);
    assert.match(text, /\d+ in the corpus/);
    assert.match(text, /\d+ files?/);
    assert.match(text, /quotations attributed/);
    assert.match(text, /command:corpusLens\.showMentions/);
  });

  it('the hover card of a date gives its normalized value', async () => {
    const editor = await open(TAPE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'December 2015'));
    assert.match(hoverText(hovers), /2015-12/);
  });

  it('inlay hints give relative dates their value', async () => {
    const editor = await open(TAPE);
    const doc = editor.document;
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.some((l) => /^= 2016-11-0\d$/.test(l)), labels.join(' | '));
    await vscode.workspace.getConfiguration('corpusLens.inlayHints').update('dates', false, vscode.ConfigurationTarget.Global);
    try {
      const off = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
      assert.ok(!off.some((h) => String(h.label).startsWith('= ')), 'date hints can be turned off');
    } finally {
      await vscode.workspace.getConfiguration('corpusLens.inlayHints').update('dates', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Next / Previous Mention walk the entity across files and wrap around', async () => {
    const { indexer } = await api();
    const editor = await open(TAPE);
    editor.selection = new vscode.Selection(positionOf(editor.document, 'Abu Bakr al-Baghdadi'), positionOf(editor.document, 'Abu Bakr al-Baghdadi'));
    const entity = indexer.index.mentionAt(editor.document.uri.toString(), editor.document.offsetAt(editor.selection.active))!.entity;
    const total = indexer.index.references(entity).length;
    const seen = new Set<string>();
    for (let i = 0; i < total; i++) {
      await vscode.commands.executeCommand('corpusLens.nextMention');
      const e = vscode.window.activeTextEditor!;
      assert.match(e.document.getText(e.selection), /Baghdadi/i);
      seen.add(`${e.document.uri}#${e.document.offsetAt(e.selection.start)}`);
    }
    assert.equal(seen.size, total, 'every mention visited once');
    const back = vscode.window.activeTextEditor!;
    assert.equal(back.document.uri.toString(), editor.document.uri.toString(), 'wrapped around to the start');
    await vscode.commands.executeCommand('corpusLens.previousMention');
    assert.match(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), /Baghdadi/i);
  });

  it('the Entities view lists speakers → documents → mentions in context', async () => {
    const { entities } = await api();
    const groups = (await entities.getChildren()) as EntityElement[];
    assert.deepEqual(groups.map((g) => g.kind === 'group' && g.group), ['speaker', 'person', 'organization', 'place', 'date']);
    const speakers = (await entities.getChildren(groups[0])) as EntityElement[];
    const leader = speakers.find((s) => s.kind === 'entity' && s.entity.name === 'Abu Bakr al-Baghdadi');
    assert.ok(leader, 'the leader is listed among speakers');
    const item = await entities.getTreeItem(leader);
    assert.match(String(item.description), /\d+ mentions? · \d+ files?/);
    const docs = (await entities.getChildren(leader)) as EntityElement[];
    assert.ok(docs.length >= 3);
    const mentions = (await entities.getChildren(docs[0])) as EntityElement[];
    const mentionItem = await entities.getTreeItem(mentions[0]);
    const label = mentionItem.label as vscode.TreeItemLabel;
    const [from, to] = label.highlights![0];
    assert.match(label.label.slice(from, to), /Baghdadi/i);
    assert.ok(label.label.length > to - from + 10, 'the line shows context');
    assert.equal(mentionItem.command?.command, 'vscode.open');
  });

  it('the Entities view filters by text and type and sorts by name', async () => {
    const { entities } = await api();
    await vscode.commands.executeCommand('corpusLens.filterEntityTypes', ['place']);
    try {
      const groups = (await entities.getChildren()) as EntityElement[];
      assert.deepEqual(groups.map((g) => g.kind === 'group' && g.group), ['place']);
      await vscode.commands.executeCommand('corpusLens.sortEntities', 'name');
      const places = ((await entities.getChildren(groups[0])) as EntityElement[]).map((e) => (e.kind === 'entity' ? e.entity.name : ''));
      assert.deepEqual(places, [...places].sort((a, b) => a.localeCompare(b)));
      assert.ok(places.includes('Mosul'));
    } finally {
      await vscode.commands.executeCommand('corpusLens.clearEntityFilter');
      await vscode.commands.executeCommand('corpusLens.sortEntities', 'count');
    }
  });

  it('the Corpus view describes documents with their counts', async () => {
    const { corpusTree } = await api();
    const folders = await corpusTree.getChildren();
    const docs = await corpusTree.getChildren(folders.find((f) => f.kind === 'folder' && f.node.name === 'iraq-syria'));
    const tape = docs.find((d) => d.kind === 'document' && d.path === TAPE)!;
    const item = corpusTree.getTreeItem(tape);
    assert.match(String(item.description), /\d+ speakers · [1-9]\d* organisations · \d+ places · \d+ dates/);
    assert.match((item.tooltip as vscode.MarkdownString).value, /2016-11-0\d/);
  });

  it('highlights mentions in the editor and toggles a kind off', async () => {
    const { highlighter } = await api();
    const editor = await open(TAPE);
    const all = highlighter.apply(editor);
    assert.ok(all > 20, `ranges set: ${all}`);
    await vscode.commands.executeCommand('corpusLens.toggleHighlight', 'place');
    try {
      await eventually('places to be switched off', () => !highlighter.isEnabled('place'));
      assert.ok(highlighter.apply(editor) < all);
    } finally {
      await vscode.commands.executeCommand('corpusLens.toggleHighlight', 'place');
    }
  });

  it('an organisation is highlighted in its own kind, has a hover card and references across files', async () => {
    const { highlighter, indexer } = await api();
    const editor = await open(TAPE);
    const doc = editor.document;
    const at = positionOf(doc, 'Meridian Center for Security Studies');
    const mention = indexer.index.mentionAt(doc.uri.toString(), doc.offsetAt(at));
    assert.equal(mention?.type, 'organization');
    assert.equal(mention?.text, 'Meridian Center for Security Studies');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /\$\(organization\) \*\*Meridian Center for Security Studies\*\* — Organisation/);
    assert.match(text, /\d+ in the corpus/);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
    assert.ok(new Set(refs.map((r) => r.uri.toString())).size >= 2, `references in ${refs.length} places`);
    for (const r of refs) assert.equal((await vscode.workspace.openTextDocument(r.uri)).getText(r.range), 'Meridian Center for Security Studies');
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'meridian');
    assert.ok(symbols.some((s) => s.name.startsWith('Meridian Center') && s.kind === vscode.SymbolKind.Class), symbols.map((s) => `${s.name}:${s.kind}`).join(', '));
    // Switching organisations off removes exactly their ranges.
    const all = highlighter.apply(editor);
    const organisations = indexer.index.resolved(doc.uri.toString())!.mentions.filter((m) => m.type === 'organization').length;
    assert.ok(organisations >= 2, `organisation mentions: ${organisations}`);
    await vscode.commands.executeCommand('corpusLens.toggleHighlight', 'organization');
    try {
      await eventually('organisations to be switched off', () => !highlighter.isEnabled('organization'));
      assert.equal(highlighter.apply(editor), all - organisations);
    } finally {
      await vscode.commands.executeCommand('corpusLens.toggleHighlight', 'organization');
    }
  });

  it('re-extracts the open document as the analyst types', async () => {
    const { indexer } = await api();
    const editor = await open(TAPE);
    const doc = editor.document;
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), '\nMeanwhile, Colonel Ahmed Rashid said the convoy reached Kirkuk on Friday.\n'));
    await eventually('the new speaker in the index', () => indexer.index.resolved(doc.uri.toString())!.mentions.some((m) => m.text.includes('Rashid')), 5_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
