import type * as vscode from 'vscode';

/** Where the language features apply: corpus documents (plain text ones get the `corpus` language). */
export const CORPUS_SELECTOR: vscode.DocumentSelector = [{ language: 'corpus' }, { language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'vscode-remote' }];
