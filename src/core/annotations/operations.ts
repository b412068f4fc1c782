import { reanchor, type AnchorOutcome } from './reanchor';
import type { SidecarEdit, SidecarFile } from './sidecar';
import { hashText, newId, targetAt } from './target';
import { AnnotationError, type Annotation, type Correction, type CorrectionAction } from './types';

const nowIso = () => new Date().toISOString();

/** A new annotation on `text.slice(start, end)` with a fresh id (not in `taken`). Apply it with `{ kind: 'addAnnotation' }`. */
export function createAnnotation(
  text: string,
  start: number,
  end: number,
  opts: { tags?: readonly string[]; note?: string; author?: string; now?: string; taken?: ReadonlySet<string> } = {},
): Annotation {
  if (end <= start) throw new AnnotationError('an annotation needs a non-empty passage');
  const now = opts.now ?? nowIso();
  const a: Annotation = { id: newId('a', opts.taken), target: targetAt(text, start, end), tags: [...new Set(opts.tags ?? [])], created: now, modified: now };
  if (opts.note !== undefined) a.note = opts.note;
  if (opts.author !== undefined) a.author = opts.author;
  return a;
}

/** The edit that changes an annotation's tags and/or note (`note: undefined` in `patch` removes it) and stamps `modified`. */
export function updateAnnotationEdit(file: SidecarFile, id: string, patch: { tags?: readonly string[]; note?: string | undefined }, now = nowIso()): SidecarEdit {
  const a = file.data.annotations.find((x) => x.id === id);
  if (!a) throw new AnnotationError(`no annotation with id '${id}'`);
  const next: Annotation = { ...a, modified: now };
  if (patch.tags) next.tags = [...new Set(patch.tags)];
  if ('note' in patch) {
    if (patch.note === undefined) delete next.note;
    else next.note = patch.note;
  }
  return { kind: 'updateAnnotation', annotation: next };
}

/** A new correction on `text.slice(start, end)`. */
export function createCorrection(
  text: string,
  start: number,
  end: number,
  c: { action: CorrectionAction; type?: string; entity?: string; name?: string; author: string; now?: string; taken?: ReadonlySet<string> },
): Correction {
  const out: Correction = { id: newId('c', c.taken), target: targetAt(text, start, end), action: c.action, author: c.author, created: c.now ?? nowIso() };
  if (c.type !== undefined) out.type = c.type;
  if (c.entity !== undefined) out.entity = c.entity;
  if (c.name !== undefined) out.name = c.name;
  return out;
}

/**
 * The edits that bring a sidecar up to date with the document's current text: every target
 * re-anchored (see ./reanchor.ts) and the hash updated. Empty when the hash already matches.
 */
export function reanchorEdits(file: SidecarFile, newText: string, oldText?: string): { edits: SidecarEdit[]; outcomes: Map<string, AnchorOutcome> } {
  const d = file.data;
  const hash = hashText(newText);
  const outcomes = new Map<string, AnchorOutcome>();
  if (d.document.hash === hash) return { edits: [], outcomes };
  const edits: SidecarEdit[] = [];
  for (const r of reanchor(d.annotations, oldText, newText)) {
    outcomes.set(r.item.id, r.outcome);
    if (r.outcome !== 'unchanged') edits.push({ kind: 'updateAnnotation', annotation: r.item });
  }
  for (const r of reanchor(d.corrections, oldText, newText)) {
    outcomes.set(r.item.id, r.outcome);
    if (r.outcome !== 'unchanged') edits.push({ kind: 'updateCorrection', correction: r.item });
  }
  edits.push({ kind: 'setDocumentField', field: 'hash', value: hash });
  return { edits, outcomes };
}
