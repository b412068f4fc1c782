// What the activation registers for the corpus views before any of their code is loaded: the tree
// view, the commands and the panels' types (for restoring them after a reload).

export const STATEMENTS_VIEW = 'corpusLens.statements';

/** The webview panels' types, as `onWebviewPanel:` activation events name them in package.json. */
export const PANEL_TYPES = {
  concordance: 'corpusLens.concordance',
  timeline: 'corpusLens.timeline',
  map: 'corpusLens.map',
  network: 'corpusLens.network',
} as const;

/** Every command the corpus views register when loaded. */
export const VIEW_COMMANDS = [
  'corpusLens.statements.groupBy',
  'corpusLens.statements.filter',
  'corpusLens.statements.clearFilter',
  'corpusLens.statements.export',
  'corpusLens.statements.showOnTimeline',
  'corpusLens.statements.reveal',
  'corpusLens.statements.showMore',
  'corpusLens.showConcordance',
  'corpusLens.concordance.export',
  'corpusLens.showTimeline',
  'corpusLens.timeline.export',
  'corpusLens.showMap',
  'corpusLens.map.export',
  'corpusLens.showNetwork',
  'corpusLens.network.export',
] as const;
