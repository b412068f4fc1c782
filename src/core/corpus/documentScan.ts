import type { DocumentDate, MentionType } from '../model';
import { lineAt } from './lines';
import type { PackedReader } from './packedAnalysis';

/**
 * One document's analysis read in place, with corpus-wide entity ids: what queries that visit every
 * document of the corpus (statements, timeline, map, network) read instead of
 * {@link CorpusIndex.resolved}, which makes an object per mention. Mentions are numbered as stored
 * (see {@link mentionByOffset} for offset order); quotations are in offset order. Offsets are UTF-16,
 * end exclusive. Valid until the index next changes.
 */
export class DocumentScan {
  constructor(
    private readonly r: PackedReader,
    private readonly ids: Int32Array,
    /** The corpus-wide id of a mention's or quotation's entity reference. */
    private readonly idOf: (ref: number) => string,
    /** The corpus-wide number of a mention's or quotation's entity reference. */
    private readonly numOf: (ref: number) => number,
  ) {}

  /**
   * The document's analysis: the same object until the document's text (or extraction options)
   * change. With {@link links}, what a query's per-document result can be remembered by.
   */
  get analysis(): object {
    return this.r.packed;
  }

  /**
   * The corpus-wide numbers of the document's entities: the same array while new links leave its
   * ids as they were (a relink elsewhere in the corpus), a new one when they change. Undefined when
   * the document refers to entities it does not hold (never made by the extractor): its ids may then
   * change without notice, and results should not be remembered.
   */
  get links(): Int32Array | undefined {
    return this.r.hasStrayRefs() ? undefined : this.ids;
  }

  get mentionCount(): number {
    return this.r.mentionCount;
  }

  get quoteCount(): number {
    return this.r.quoteCount;
  }

  /** The number of the `k`-th mention in offset order. */
  mentionByOffset(k: number): number {
    const order = this.r.mentionOrder();
    return order ? order[k] : k;
  }

  mentionStart(i: number): number {
    return this.r.mentionStart(i);
  }

  mentionEnd(i: number): number {
    return this.r.mentionEnd(i);
  }

  mentionText(i: number): string {
    return this.r.mentionText(i);
  }

  mentionType(i: number): MentionType {
    return this.r.mentionType(i);
  }

  mentionEntity(i: number): string {
    return this.idOf(this.r.mentionRef(i));
  }

  /** The corpus-wide number of the mention's entity ({@link CorpusIndex.entityIdOf} names it): for queries that count. */
  mentionEntityNumber(i: number): number {
    return this.numOf(this.r.mentionRef(i));
  }

  /** The type's reference in the document: equal references, equal types (within one document; -1 for none). */
  typeRef(type: MentionType): number {
    return this.r.find(type);
  }

  /** The mention's type as a reference (see {@link typeRef}). */
  mentionTypeRef(i: number): number {
    return this.r.mentionTypeRef(i);
  }

  /** For dates: the ISO value, or undefined when unresolved. */
  mentionValue(i: number): string | undefined {
    return this.r.mentionValue(i);
  }

  quoteStart(i: number): number {
    return this.r.quoteStart(i);
  }

  quoteEnd(i: number): number {
    return this.r.quoteEnd(i);
  }

  /** The speaker's entity id, or null for an unattributed quotation. */
  quoteSpeaker(i: number): string | null {
    const ref = this.r.quoteRef(i);
    return ref === -1 ? null : this.idOf(ref);
  }

  documentDate(): DocumentDate | undefined {
    return this.r.documentDate();
  }

  /** Offsets at which each line starts. */
  lines(): Int32Array {
    return this.r.lines();
  }

  /** The zero-based line of an offset: the project's paragraph (news copy puts one on a line). */
  lineOf(offset: number): number {
    return lineAt(this.r.lines(), offset);
  }
}
