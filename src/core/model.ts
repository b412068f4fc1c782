/**
 * The shapes the whole product shares: what the extractor finds in one document and what the
 * corpus knows across documents. Offsets are JavaScript string indices (UTF-16 code units) into the
 * document's exact text, `end` exclusive — the convention of ../docs and of the CLI's JSON.
 */

/**
 * Kinds of mention, per the product's definition: a `speaker` is a person (or an organisation)
 * credited with speech in that document; an `organization` is a named organisation that is not.
 */
export type MentionType = 'speaker' | 'person' | 'organization' | 'place' | 'date';

/** Every mention kind, in the order the product lists them. */
export const MENTION_TYPES: readonly MentionType[] = ['speaker', 'person', 'organization', 'place', 'date'];

/**
 * Kinds of entity. Speakers and persons are both `person` entities (a quoted organisation stays an
 * `organization` entity); typing of mentions is per document.
 */
export type EntityType = 'person' | 'place' | 'date' | 'organization' | 'source';

/** A stretch of text that names an entity. Mentions of one document never overlap. */
export interface Mention {
  start: number;
  end: number;
  /** The text exactly as written (`text === documentText.slice(start, end)`). */
  text: string;
  type: MentionType;
  /** Entity id, stable across every document of one corpus (see {@link Entity.id}). */
  entity: string;
  /** For dates: normalized ISO value (`2016-11-03`, `2015-12`, `2011`), absent when unresolved. */
  value?: string;
}

/** A span in double quotation marks, marks included, and who said it. */
export interface Quote {
  start: number;
  end: number;
  /** Entity id of the speaker, or `null` for titles, slogans and scare quotes. */
  speaker: string | null;
}

/** One real-world thing, with every variant of its name seen in the corpus. */
export interface Entity {
  /** Slug of the canonical name (`abu-bakr-al-baghdadi`), or of the normalized value for dates. */
  id: string;
  type: EntityType;
  /** Canonical (longest, most complete) name. */
  name: string;
  /** Other spellings seen, canonical name excluded. */
  aliases: string[];
}

/** Where a document's date came from: set by the analyst, or inferred from the text. */
export interface DocumentDate {
  /** ISO date (`YYYY-MM-DD`, or coarser `YYYY-MM` / `YYYY`). */
  value: string;
  source: 'analyst' | 'inferred';
}
