import type { SidecarEdit, SidecarFile } from './sidecar';
import type { Annotation, Correction, DocumentInfo, SidecarData } from './types';

/**
 * What this session changed since it last read the sidecar: its current view, the view it started
 * from, and what it deleted. Deletions are explicit because an id missing from `annotations` cannot
 * tell "deleted here" from "added on disk by someone else".
 */
export interface LocalState {
  /** The sidecar as this session last read it; lets a deletion on disk be told apart from an addition here. */
  base?: SidecarData;
  annotations: readonly Annotation[];
  corrections: readonly Correction[];
  deletedAnnotations?: readonly string[];
  deletedCorrections?: readonly string[];
  /** Document fields set here (`undefined` value = removed here). */
  document?: Partial<DocumentInfo>;
}

/** The result of {@link mergeInto}: edits applied to the disk version, their inverses, and choices worth telling the analyst. */
export interface MergeResult {
  applied: SidecarEdit[];
  inverse: SidecarEdit[];
  notes: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Re-read before write": folds this session's state into the sidecar as it is on disk now, editing
 * the disk Document so its comments and formatting survive. Per annotation id: present on one side
 * only → kept (unless the other side deleted it and did not see a later change); on both → the newer
 * `modified` wins (a tie goes to this session, which is writing now). Corrections have no
 * modification time: the union is kept, minus explicit deletions.
 */
export function mergeInto(disk: SidecarFile, local: LocalState): MergeResult {
  const edits: SidecarEdit[] = [];
  const notes: string[] = [];
  const d = disk.data;
  const diskA = new Map(d.annotations.map((a) => [a.id, a]));
  const baseA = new Map((local.base?.annotations ?? []).map((a) => [a.id, a]));
  for (const mine of local.annotations) {
    const theirs = diskA.get(mine.id);
    const base = baseA.get(mine.id);
    if (!theirs) {
      if (base && same(base, mine)) notes.push(`annotation ${mine.id} was deleted on disk; not restored`);
      else {
        if (base) notes.push(`annotation ${mine.id} was deleted on disk but changed here; kept`);
        edits.push({ kind: 'addAnnotation', annotation: mine });
      }
    } else if (!same(theirs, mine) && mine.modified >= theirs.modified) {
      edits.push({ kind: 'updateAnnotation', annotation: mine });
    }
  }
  for (const id of local.deletedAnnotations ?? []) {
    const theirs = diskA.get(id);
    if (!theirs) continue;
    const base = baseA.get(id);
    if (base && theirs.modified > base.modified) notes.push(`annotation ${id} was deleted here but changed on disk since; kept`);
    else edits.push({ kind: 'removeAnnotation', id });
  }
  const diskC = new Map(d.corrections.map((c) => [c.id, c]));
  const baseC = new Set((local.base?.corrections ?? []).map((c) => c.id));
  for (const mine of local.corrections) {
    const theirs = diskC.get(mine.id);
    if (!theirs) {
      if (baseC.has(mine.id)) notes.push(`correction ${mine.id} was deleted on disk; not restored`);
      else edits.push({ kind: 'addCorrection', correction: mine });
    } else if (!same(theirs, mine)) edits.push({ kind: 'updateCorrection', correction: mine });
  }
  for (const id of local.deletedCorrections ?? []) if (diskC.has(id)) edits.push({ kind: 'removeCorrection', id });
  for (const [field, value] of Object.entries(local.document ?? {}) as [keyof DocumentInfo, string | undefined][]) {
    if (d.document[field] !== value) edits.push({ kind: 'setDocumentField', field, value });
  }
  const inverse = edits.length ? disk.apply(edits) : [];
  return { applied: edits, inverse, notes };
}
