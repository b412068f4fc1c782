import * as vscode from 'vscode';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { CorpusTextsService } from '../../vscode/corpusTextsService';
import { StatementsService } from '../../vscode/statementsService';
import { registerConcordance, type ConcordancePanel } from '../concordance';
import { registerMap, type MapPanel } from '../map';
import { registerNetwork, type NetworkPanel } from '../network';
import { registerStatementsView } from '../statementsView';
import type { StatementElement, StatementsProvider } from '../statementsView/statementsProvider';
import { registerTimeline, type TimelinePanel } from '../timeline';

/** The corpus views, once loaded (see registerCorpusViews). */
export interface CorpusViews {
  texts: CorpusTextsService;
  statements: { service: StatementsService; provider: StatementsProvider };
  pictures: { concordance: ConcordancePanel; timeline: TimelinePanel; map: MapPanel; network: NetworkPanel };
  disposable: vscode.Disposable;
}

export interface CorpusViewsHost {
  extensionUri: vscode.Uri;
  indexer: CorpusIndexer;
  annotations: AnnotationService;
  /** The Statements tree view made at activation, and how to give it its provider. */
  statementsView: vscode.TreeView<StatementElement>;
  provideStatements(provider: StatementsProvider): void;
}

/**
 * The Statements view, the Concordance, Timeline, Map and Network with their services and commands:
 * loaded the first time one of them is needed, never at activation. Still nothing is computed, no
 * thread started and no page loaded until a view is shown.
 */
export function loadCorpusViews(host: CorpusViewsHost): CorpusViews {
  const { extensionUri, indexer, annotations } = host;
  const owned: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(d: T): T => (owned.push(d), d);
  const texts = own(new CorpusTextsService(indexer));
  const statements = own(new StatementsService(indexer, texts));
  const statementsView = registerStatementsView(host.statementsView, host.provideStatements, indexer, statements, annotations);
  own(statementsView.disposable);
  const concordance = registerConcordance(extensionUri, indexer, texts, annotations);
  own(concordance.disposable);
  const timeline = registerTimeline(extensionUri, indexer, statements);
  own(timeline.disposable);
  const map = registerMap(extensionUri, indexer);
  own(map.disposable);
  const network = registerNetwork(extensionUri, indexer);
  own(network.disposable);
  return {
    texts,
    statements: { service: statements, provider: statementsView.provider },
    pictures: { concordance: concordance.panel, timeline: timeline.panel, map: map.panel, network: network.panel },
    // Features go before the services they use: disposed in reverse order of creation.
    disposable: { dispose: () => owned.reverse().forEach((d) => d.dispose()) },
  };
}
