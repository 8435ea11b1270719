import type { Clock, NewsDuplicate, NewsProblem, NewsScore, NewsScorer, NewsStore, SemanticIndex } from '../../core/index.ts';
import { newsScoringText } from '../signals/index.ts';
import type { NewsBatch } from './batch.ts';

export interface IngestDeps {
  news: NewsStore;
  /** Every scorer runs on each new item ('lexicon-v1' always; 'claude' when configured); each score is stored. */
  scorers: readonly NewsScorer[];
  /** Semantic memory; items are embedded when vector search is on. */
  index?: SemanticIndex;
  clock: Clock;
}

/** What an ingest did: stored ids, what was left out and why, scores written per scorer, vectors stored. */
export interface IngestReport {
  stored: string[];
  duplicates: NewsDuplicate[];
  problems: NewsProblem[];
  scored: Record<string, number>;
  /** A scorer that failed (e.g. the model was unreachable): the others' scores are still stored. */
  scorerErrors: Array<{ scorer: string; reason: string }>;
  embedded: number;
  /** 'on', or why semantic search is off (nothing embedded). */
  semanticSearch: string;
}

/**
 * Store a parsed batch: new items are saved (items already stored, by content id or URL, are
 * reported as duplicates), scored by every scorer, and embedded for semantic search.
 *
 * @example const report = await ingestNews(parseNews(text), { news, scorers: [createLexiconScorer()], index, clock });
 */
export async function ingestNews(batch: NewsBatch, deps: IngestDeps): Promise<IngestReport> {
  const { inserted, duplicates } = await deps.news.saveItems(batch.items);
  const stored = new Set(inserted);
  const fresh = batch.items.filter((item) => stored.has(item.id));
  const texts = fresh.map(newsScoringText);
  const scored: Record<string, number> = {};
  const scorerErrors: IngestReport['scorerErrors'] = [];
  for (const scorer of deps.scorers) {
    try {
      const results = fresh.length === 0 ? [] : await scorer.score(texts);
      const scoredAt = deps.clock.now().toISOString();
      const scores: NewsScore[] = results.map((result, index) => ({ ...result, itemId: fresh[index].id, scorer: scorer.name, scoredAt }));
      scored[scorer.name] = await deps.news.saveScores(scores);
    } catch (error) {
      scorerErrors.push({ scorer: scorer.name, reason: (error as Error).message });
    }
  }
  const embedded = deps.index?.status.enabled ? await deps.index.indexNews(fresh) : 0;
  return {
    stored: inserted,
    duplicates: [...batch.duplicates, ...duplicates.map((entry) => ({ at: 'already stored', id: entry.id, duplicateOf: entry.existingId, by: entry.by }))],
    problems: batch.problems,
    scored,
    scorerErrors,
    embedded,
    semanticSearch: deps.index === undefined ? 'not configured' : deps.index.status.enabled ? 'on' : (deps.index.status.reason ?? 'off'),
  };
}
