import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { compileQuery } from '../../src/core/analysis/concordance';
import type { MapFromHost } from '../../src/webviews/map/protocol';
import type { NetworkFromHost } from '../../src/webviews/network/protocol';
import type { TimelineFromHost } from '../../src/webviews/timeline/protocol';
import { api, eventually, workspaceRoot } from './helpers';

async function textOf(doc: string): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(doc));
  return new TextDecoder().decode(bytes);
}

async function readExport(uri: vscode.Uri): Promise<string[]> {
  return (await textOf(uri.toString())).trimEnd().split('\n');
}

describe('Corpus views: statements, concordance, pictures, exports', function () {
  this.timeout(60_000);

  before(async () => {
    const lens = await api();
    await lens.indexer.whenReady();
  });

  it('the Statements view holds every quotation of the index, with its speaker and words', async () => {
    const { indexer, statements } = await api();
    await statements.service.whenComplete();
    const list = statements.service.list();
    const index = indexer.index;
    let quotes = 0;
    for (const doc of index.documents()) {
      const text = await textOf(doc);
      for (const q of index.resolved(doc)!.quotes) {
        quotes++;
        const s = list.find((x) => x.doc === doc && x.start === q.start);
        assert.ok(s, `a statement for the quotation at ${doc}:${q.start}`);
        assert.equal(s.speaker, q.speaker);
        const words = statements.service.words(s);
        assert.ok(words && text.slice(q.start, q.end).replace(/\s+/g, ' ').includes(words), `${words} is the quotation's text`);
      }
    }
    assert.equal(list.length, quotes);
    const groups = statements.provider.currentGroups();
    assert.ok(groups.length > 3);
    assert.equal(groups[groups.length - 1].key, '', 'unattributed quotations are the last group');
  });

  it('filters statements and reveals one in its document, selected', async () => {
    const { statements } = await api();
    await vscode.commands.executeCommand('corpusLens.statements.filter', { text: 'Stand firm' });
    try {
      // A document changed by an earlier test may still wait for its words (the filter reads them):
      // its statements join the filtered groups when they arrive.
      const kept = await eventually('statements saying “Stand firm”', async () => {
        await statements.service.whenComplete();
        const k = statements.provider.filtered();
        return k.length >= 1 && k;
      });
      assert.ok(kept.length >= 1 && kept.every((s) => statements.service.words(s)?.includes('Stand firm')), JSON.stringify(kept.map((s) => statements.service.words(s))));
      const [group] = await statements.provider.getChildren();
      const [first] = await statements.provider.getChildren(group);
      const item = statements.provider.getTreeItem(first);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      const editor = await eventually('the quotation’s document', () => vscode.window.activeTextEditor?.document.uri.toString() === (first.kind === 'statement' && first.statement.doc) && vscode.window.activeTextEditor);
      assert.match(editor.document.getText(editor.selection), /Stand firm/);
    } finally {
      await vscode.commands.executeCommand('corpusLens.statements.clearFilter');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('the Statements view follows an edit in an open document: the new quotation joins its speaker’s group, and leaves with the undo', async () => {
    const { indexer, statements } = await api();
    const index = indexer.index;
    statements.provider.grouping = 'speaker';
    statements.provider.refresh();
    const before = statements.provider.currentGroups();
    const doc = [...index.documents()].find((d) => index.resolved(d)!.quotes.length > 0)!;
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(doc));
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const groupOf = (name: string) => {
      const id = index.entities().find((e) => e.name === name)?.id;
      return id && (statements.provider.currentGroups().find((g) => g.key === id)?.statements ?? false);
    };
    try {
      await editor.edit((b) => b.insert(end, '\n\n"The harvest will not wait for anyone," said Zaid Marouf, a farmer near the river.\n'));
      const group = await eventually('the new speaker’s group', () => statements.service.current && groupOf('Zaid Marouf'), 20_000);
      assert.equal(group.length, 1);
      assert.equal(group[0].doc, doc);
      assert.equal(statements.service.words(group[0]) ?? 'The harvest will not wait for anyone,', 'The harvest will not wait for anyone,');
      // The other groups are as they were.
      const others = statements.provider.currentGroups().filter((g) => g.key !== group[0].speaker);
      assert.deepEqual(others.map((g) => [g.key, g.statements.length]).sort(), before.map((g) => [g.key, g.statements.length]).sort());
      await vscode.commands.executeCommand('undo');
      await eventually('the group gone with the undo', () => statements.service.current && !groupOf('Zaid Marouf'), 20_000);
      assert.equal(statements.provider.filtered().length, before.reduce((n, g) => n + g.statements.length, 0));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('the Concordance finds every occurrence of a word, off the extension host’s thread, at the right offsets', async () => {
    const { indexer, pictures } = await api();
    const result = await pictures.concordance.run({ mode: 'word', pattern: 'fighters' });
    assert.equal(result.error, undefined);
    let expected = 0;
    for (const doc of indexer.index.documents()) {
      const text = await textOf(doc);
      expected += [...text.matchAll(compileQuery({ mode: 'word', pattern: 'fighters' }))].length;
      for (const l of result.lines.filter((x) => x.doc === doc)) assert.equal(text.slice(l.start, l.end).toLowerCase(), 'fighters');
    }
    assert.ok(expected > 5);
    assert.equal(result.matches, expected);
    assert.equal(result.lines.length, expected);
  });

  it('the Concordance of an entity lists its mentions', async () => {
    const { indexer, pictures } = await api();
    const leader = indexer.index.search('Baghdadi')[0];
    const result = await pictures.concordance.run({ mode: 'entity', pattern: leader.name, entity: leader.id });
    assert.equal(result.matches, indexer.index.stats(leader.id).mentions);
  });

  it('exports statements, concordance lines, timeline, places and network', async () => {
    const { indexer, statements } = await api();
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'exports');
    try {
      const csv = await readExport((await vscode.commands.executeCommand<vscode.Uri>('corpusLens.statements.export', vscode.Uri.joinPath(dir, 'statements.csv')))!);
      assert.equal(csv[0], 'file,start,end,speaker_id,speaker,quotation,date,date_source,place_id,place');
      assert.equal(csv.length - 1, statements.service.list().length);
      assert.ok(csv.some((l) => l.includes(',abu-bakr-al-baghdadi,Abu Bakr al-Baghdadi,')), 'speaker id and name');
      const kwic = await readExport((await vscode.commands.executeCommand<vscode.Uri>('corpusLens.concordance.export', { mode: 'word', pattern: 'fighters' }, vscode.Uri.joinPath(dir, 'kwic.jsonl'), 'left'))!);
      let onDisk = 0;
      for (const doc of indexer.index.documents()) onDisk += [...(await textOf(doc)).matchAll(compileQuery({ mode: 'word', pattern: 'fighters' }))].length;
      assert.equal(kwic.length, onDisk, 'every line, not only those shown');
      assert.ok(kwic.every((l) => JSON.parse(l).match.toLowerCase() === 'fighters'));
      for (const [command, header] of [
        ['corpusLens.timeline.export', 'lane_id,lane,kind,date'],
        ['corpusLens.map.export', 'place_id,place,longitude,latitude,mentions,documents'],
        ['corpusLens.network.export', 'source_id,source,source_type,target_id'],
      ]) {
        const rows = await readExport((await vscode.commands.executeCommand<vscode.Uri>(command, vscode.Uri.joinPath(dir, `${command}.csv`)))!);
        assert.ok(rows[0].startsWith(header), `${command}: ${rows[0]}`);
        assert.ok(rows.length > 3, `${command} has rows`);
      }
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('the Timeline, Map and Network open as webviews and receive their data', async () => {
    const { pictures } = await api();
    await vscode.commands.executeCommand('corpusLens.showTimeline');
    const timeline = await eventually('the timeline’s data', () => pictures.timeline.last as TimelineFromHost | undefined, 20_000);
    assert.ok(timeline.lanes.length >= 3 && timeline.lanes.some((l) => l.statements.some((s) => s.words)), 'lanes with statements and their words');
    await vscode.commands.executeCommand('corpusLens.showMap');
    const map = await eventually('the map’s data', () => pictures.map.last as MapFromHost | undefined, 20_000);
    const mosul = map.places.find((p) => p.name === 'Mosul');
    assert.ok(mosul?.at && Math.abs(mosul.at[0] - 43.1) < 0.5 && Math.abs(mosul.at[1] - 36.3) < 0.5, JSON.stringify(mosul));
    await vscode.commands.executeCommand('corpusLens.showNetwork');
    const network = await eventually('the network’s data', () => pictures.network.last as NetworkFromHost | undefined, 20_000);
    assert.ok(network.nodes.length > 10 && network.links.length > 10);
    assert.ok(network.nodes.every((n) => n.type !== 'date'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
