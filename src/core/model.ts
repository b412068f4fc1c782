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
  /**
   * For dates: the normalized value, absent when unresolved: ISO (`2011`, `2015-12`, `2016-11-03`,
   * the ISO week `2013-W12`) and TimeML's forms for what ISO lacks (`2013-W12-WE`, `1998-Q3`,
   * `1990-H1`, `1998-SU`, `199X`, `19XX`, `1998-01-09TAF`, `1998-01-09T16:23`): see core/dates/dateValue.
   */
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
  /** Slug of the canonical name (`abu-bakr-al-baghdadi`), or for dates the normalized value without its time of day. */
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
