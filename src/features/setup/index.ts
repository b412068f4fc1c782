import * as vscode from 'vscode';
import { CORPUS_FILE } from '../../core/corpus/scope';
import type { CorpusFiles } from '../../vscode/corpusFiles';

const INITIAL_CORPUS_FILE = `# Corpus Lens: this file marks its folder as a corpus and holds the corpus-wide knowledge
# (entities, aliases, tag vocabulary). Safe to edit by hand and to commit.
version: 1
`;

/** "Use This Folder as a Corpus": writes the marker file at a workspace folder's root. */
export function registerSetup(files: CorpusFiles): vscode.Disposable {
  return vscode.commands.registerCommand('corpusLens.initCorpus', async (folderArg?: vscode.WorkspaceFolder | vscode.Uri) => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    let folder: vscode.WorkspaceFolder | undefined =
      folderArg instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(folderArg) : folderArg ?? (folders.length === 1 ? folders[0] : undefined);
    folder ??= await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to use as a corpus') });
    if (!folder) {
      if (!folders.length) void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: a corpus is a folder of text files.'));
      return undefined;
    }
    const target = vscode.Uri.joinPath(folder.uri, CORPUS_FILE);
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(INITIAL_CORPUS_FILE));
    }
    files.reload();
    return target;
  });
}
