// Messages between the Map page and the extension (types only).
export interface MapSettings {
  from?: string;
  to?: string;
  /** Only documents that mention this entity. */
  entity?: string;
}

export interface MapPlace {
  entity: string;
  name: string;
  mentions: number;
  /** Longitude, latitude; absent when the gazetteer does not know where it is. */
  at?: [number, number];
  documents: { doc: string; file: string; mentions: number; date?: string }[];
}

export type MapFromHost = { type: 'data'; places: MapPlace[]; settings: MapSettings; entityName?: string; indexing: boolean; error?: string };

export type MapToHost =
  | { type: 'ready'; settings?: MapSettings }
  | { type: 'open'; doc: string; start?: number; end?: number }
  | { type: 'openPlace'; doc: string; entity: string }
  | { type: 'export' }
  | { type: 'filter'; settings: MapSettings }
  | { type: 'pickEntity' };
