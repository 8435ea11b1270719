export { createSignalsServer, type SignalsServerDeps } from './server.ts';
export type { NewsSources } from './tools/ingest-news.ts';
export { QUOTED_DATA_NOTICE } from './quoted.ts';
