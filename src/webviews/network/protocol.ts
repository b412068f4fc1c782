// Messages between the Network page and the extension (types only).
import type { NetworkLink, NetworkNode } from '../../core/analysis/network';

export interface NetworkSettings {
  /** Entity types drawn. */
  types: string[];
  minWeight: number;
}

export type NetworkFromHost = {
  type: 'data';
  nodes: NetworkNode[];
  links: NetworkLink[];
  omitted: number;
  /** Every entity type of the corpus that can be drawn, with how many entities have it. */
  available: { type: string; entities: number }[];
  settings: NetworkSettings;
  indexing: boolean;
};

export type NetworkToHost =
  | { type: 'ready'; settings?: NetworkSettings }
  | { type: 'export' }
  | { type: 'filter'; settings: NetworkSettings }
  | { type: 'references'; entity: string };
