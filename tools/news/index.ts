export { collapseWhitespace, decodeEntities, htmlToText, newsId } from './text.ts';
export { parsePublished } from './published.ts';
export { normalizeNewsItem, type NormalizeOptions, type RawNewsItem } from './normalize.ts';
export { buildBatch, type LocatedRawItem, type NewsBatch } from './batch.ts';
export { parseFeed } from './feed.ts';
export { parseJsonLines, parseRecords, rawFromRecord } from './lines.ts';
export { parseNewsCsv, readCsvRecords, type CsvRecord } from './csv.ts';
export { detectFormat, NEWS_FORMATS, parseNews, type NewsFormat } from './parse.ts';
