import * as vscode from 'vscode';
import type { CorpusIndex, MentionRef } from '../../core/corpus/corpusIndex';
import type { Mention } from '../../core/model';

/** The mention under a position of a corpus document, if any. */
export function mentionAt(index: CorpusIndex, document: vscode.TextDocument, position: vscode.Position): Mention | undefined {
  const offset = document.offsetAt(position);
  const m = index.mentionAt(document.uri.toString(), offset);
  // Stale offsets (the document changed since extraction) must not point into other text.
  return m && document.getText(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end))) === m.text ? m : undefined;
}

const byDocThenOffset = (a: MentionRef, b: MentionRef) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.mention.start - b.mention.start);

/** Every mention of an entity in a stable order: by document URI, then offset. */
export function orderedReferences(index: CorpusIndex, entity: string): MentionRef[] {
  return [...index.references(entity)].sort(byDocThenOffset);
}

/**
 * Where an entity is "defined": the first mention written with its full canonical name, in the
 * earliest-dated document (undated documents last, then by path); the first mention otherwise.
 */
export function definitionOf(index: CorpusIndex, entity: string): MentionRef | undefined {
  const refs = orderedReferences(index, entity);
  if (!refs.length) return undefined;
  const name = index.entity(entity)?.name;
  const dateOf = (doc: string) => index.resolved(doc)?.documentDate?.value ?? '9999';
  const candidates = refs.filter((r) => r.mention.text === name);
  const pool = candidates.length ? candidates : refs;
  return pool.reduce((best, r) => (dateOf(r.doc) < dateOf(best.doc) ? r : best), pool[0]);
}
