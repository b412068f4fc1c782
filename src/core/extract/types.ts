import type { DocumentDate, EntityType, MentionType } from '../model';

/**
 * A mention as one document sees it: its entity is a key local to the document, resolved to a
 * corpus-wide id by {@link EntityLinker}. Offsets are UTF-16 indices into the document's text, end exclusive.
 */
export interface LocalMention {
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** Key of a {@link LocalEntity} of the same analysis. */
  key: string;
  /** For dates: the normalized value (as `Mention.value` in model.ts), absent when unresolved. */
  value?: string;
}

/** One entity of one document, with the name forms the linker compares across documents. */
export interface LocalEntity {
  key: string;
  type: EntityType;
  /** Most complete name seen in the document (titles and possessives removed). */
  name: string;
  /** Every form seen in the document, `name` included. */
  forms: string[];
  /** For places: a gazetteer key ("country:US") shared by all spellings of the same place. */
  placeKey?: string;
  /** For dates: the value without its time of day, absent when unresolved (then the entity stays local to its document). */
  value?: string;
  /** Set by the analyst ("same entity as", "rename"): the linker uses this name as given. */
  pinnedName?: string;
  /** Lower-case role words seen next to the name ("leader", "spokesman"), for resolving descriptions. */
  roles?: string[];
}

/** A quotation, marks included; `speaker` is a {@link LocalEntity} key or null (titles, slogans, scare quotes). */
export interface LocalQuote {
  start: number;
  end: number;
  speaker: string | null;
}

/** What {@link extractDocument} finds in one document. */
export interface DocumentAnalysis {
  mentions: LocalMention[];
  quotes: LocalQuote[];
  entities: LocalEntity[];
  /** The analyst's date when given, else one inferred from the dateline or the latest full date; undefined when none. */
  documentDate: DocumentDate | undefined;
}

/**
 * An analyst's correction of one document's extraction, applied after every recognizer and refiner
 * so that it always wins. Offsets select the mention (or quotation) whose span they equal.
 */
export type Correction =
  /** The span is a mention of this type (added if missing, retyped if present). */
  | { kind: 'type'; start: number; end: number; type: MentionType }
  /** The span is not an entity: any mention overlapping it is dropped. */
  | { kind: 'reject'; start: number; end: number }
  /** The mention at the span is the same entity as `name` (a name form or an entity id). */
  | { kind: 'same'; start: number; end: number; name: string }
  /** Every mention of the entity known as `from` (a name form or an entity id) is named `to`. */
  | { kind: 'rename'; from: string; to: string }
  /** The quotation at the span is spoken by `speaker` (a name form), or by nobody when null. */
  | { kind: 'speaker'; start: number; end: number; speaker: string | null };

/** Another name for an entity: wherever `alias` is written, it is a mention of `name`. */
export interface AliasRule {
  alias: string;
  name: string;
  /** The kind of entity; `person` when absent. */
  type?: 'person' | 'place' | 'organization';
}

/** Options of {@link extractDocument}. */
export interface ExtractOptions {
  /** The analyst's ISO date for the document; relative dates resolve against it. */
  documentDate?: string;
  corrections?: readonly Correction[];
  aliases?: readonly AliasRule[];
}
