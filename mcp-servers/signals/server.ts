import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Clock, NewsScorer, NewsStore, SemanticIndex } from '../../core/index.ts';
import { registerClassifyEventTool } from './tools/classify-event.ts';
import { registerIngestNewsTool, type NewsSources } from './tools/ingest-news.ts';
import { registerScoreTextTool } from './tools/score-text.ts';
import { registerSearchDecisionsTool } from './tools/search-decisions.ts';
import { registerSearchNewsTool } from './tools/search-news.ts';
import { registerSymbolSignalTool } from './tools/symbol-signal.ts';

export interface SignalsServerDeps {
  news: NewsStore;
  index: SemanticIndex;
  /** The offline lexicon scorer first; a model scorer (e.g. Claude) after it when configured. */
  scorers: readonly NewsScorer[];
  clock: Clock;
  sources: NewsSources;
}

/**
 * Signals server: ingest_news (writes news), score_text, classify_event, search_news,
 * symbol_signal, search_decisions (read-only). Outside text in results is marked as quoted data.
 */
export function createSignalsServer(deps: SignalsServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-signals', version: '0.1.0' });
  registerIngestNewsTool(server, deps);
  registerScoreTextTool(server, deps);
  registerClassifyEventTool(server);
  registerSearchNewsTool(server, deps);
  registerSymbolSignalTool(server, deps);
  registerSearchDecisionsTool(server, deps);
  return server;
}
