import type { NewsDuplicate, NewsItem, NewsProblem } from '../../core/index.ts';
import { normalizeNewsItem, type NormalizeOptions, type RawNewsItem } from './normalize.ts';

/** Parsed news: the good items (first occurrence of each URL and content), and what was left out and why. */
export interface NewsBatch {
  items: NewsItem[];
  problems: NewsProblem[];
  duplicates: NewsDuplicate[];
}

/** A raw item and where it came from ("line 4", "item 2"). */
export interface LocatedRawItem {
  readonly at: string;
  readonly raw: RawNewsItem;
}

/**
 * Normalise located raw items and drop repeats within the batch: an item whose URL or content
 * id was already seen is reported as a duplicate of the first one, never merged or overwritten.
 *
 * @example buildBatch([{ at: 'item 1', raw: { headline: 'Hi', published: '2025-01-02', source: 's' } }]).items.length // 1
 */
export function buildBatch(located: readonly LocatedRawItem[], options: NormalizeOptions = {}, problems: NewsProblem[] = []): NewsBatch {
  const items: NewsItem[] = [];
  const duplicates: NewsDuplicate[] = [];
  const byUrl = new Map<string, string>();
  const byId = new Set<string>();
  for (const { at, raw } of located) {
    const result = normalizeNewsItem(raw, options);
    if (!result.ok) {
      problems.push({ at, reason: result.reason });
      continue;
    }
    const { item } = result;
    const sameUrl = item.url === null ? undefined : byUrl.get(item.url);
    if (sameUrl !== undefined) duplicates.push({ at, id: item.id, duplicateOf: sameUrl, by: 'url' });
    else if (byId.has(item.id)) duplicates.push({ at, id: item.id, duplicateOf: item.id, by: 'content' });
    else {
      items.push(item);
      byId.add(item.id);
      if (item.url !== null) byUrl.set(item.url, item.id);
    }
  }
  return { items, problems, duplicates };
}
