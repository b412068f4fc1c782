// Messages between the Timeline page and the extension (types only).
import type { TimelineLane } from '../../core/analysis/timeline';

export interface TimelineSettings {
  /** Entity ids, one lane each; empty: the most quoted speakers. */
  lanes: string[];
}

/** A lane as the page draws it: statements carry their words, documents their file name. */
export type PageLane = Omit<TimelineLane, 'statements' | 'documents'> & {
  documents: (TimelineLane['documents'][number] & { file: string })[];
  statements: (TimelineLane['statements'][number] & { file: string; words?: string })[];
};

export type TimelineFromHost = { type: 'data'; lanes: PageLane[]; extent?: [number, number]; undated: number; settings: TimelineSettings; indexing: boolean };

export type TimelineToHost = { type: 'ready'; settings?: TimelineSettings } | { type: 'open'; doc: string; start?: number; end?: number } | { type: 'export' } | { type: 'pickLanes' } | { type: 'resetLanes' };
