import { DeskError } from '../../core/index.ts';
import { DIRECTIONS, matchPhraseAt, METRICS } from './finance-rules.ts';
import { WORD_SCORES } from './lexicon.ts';
import { comparisonFactor, modifierFactor, negationFactor, type ScoredSpan } from './modifiers.ts';
import { tokenize } from './tokens.ts';

/** A word or phrase that moved the score, with its signed contribution to the raw sum. */
export interface SentimentDriver {
  readonly text: string;
  readonly contribution: number;
}

/** Sentiment of one text: score in [-1, 1], a label, and what produced it. */
export interface SentimentResult {
  readonly score: number;
  readonly label: 'positive' | 'negative' | 'neutral';
  readonly drivers: SentimentDriver[];
}

export interface SentimentOptions {
  /** |score| at or above this is positive/negative, below it neutral. Default 0.11, in [0, 1). */
  readonly threshold?: number;
}

/** Default label threshold, chosen on the tuning half of FPB 50Agree (evals/scripts/sentiment-eval.ts). */
export const DEFAULT_SENTIMENT_THRESHOLD = 0.11;
const DIRECTION_WEIGHT = 1.5;
// score = raw / sqrt(raw² + ALPHA): about 0.45 for one strong word, nearer ±1 as evidence adds up.
const ALPHA = 8;
const METRIC_WINDOW = 8;
const SENTENCE_BREAKS = new Set(['.', ';', ':', '!', '?']);

type Item = ScoredSpan;

/**
 * Finance-aware sentiment: lexicon words, finance phrases, direction verbs signed by the metric
 * they move ("loss narrowed" > 0, "sales decreased" < 0), negation over the next few tokens
 * and intensifiers/diminishers next to an item. Text can move a signal, never an order.
 *
 * @example scoreSentiment('Net loss narrowed and the company raised guidance').label // 'positive'
 */
export function scoreSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const tokens = tokenize(text);
  const used = new Set<number>();
  const items = [...phraseItems(tokens, used, true), ...directionItems(tokens, used), ...phraseItems(tokens, used, false), ...wordItems(tokens, used)];
  const drivers = items.map((item) => ({
    text: tokens.slice(item.start, item.end + 1).join(' '),
    contribution: item.base * modifierFactor(tokens, item) * negationFactor(tokens, item.start) * comparisonFactor(tokens, item),
  }));
  return summarize(drivers, options);
}

/**
 * Baseline for comparison: the same word list summed word by word, with no phrases, no
 * direction rules, no negation and no intensifiers.
 *
 * @example baselineSentiment('Sales did not fall').label // 'negative'
 */
export function baselineSentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  const drivers = tokenize(text)
    .filter((token) => WORD_SCORES[token] !== undefined)
    .map((token) => ({ text: token, contribution: WORD_SCORES[token] }));
  return summarize(drivers, options);
}

function summarize(drivers: SentimentDriver[], options: SentimentOptions): SentimentResult {
  const threshold = options.threshold ?? DEFAULT_SENTIMENT_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold >= 1) {
    throw new DeskError('invalid_input', `threshold must be a number in [0, 1) (got ${threshold})`, { field: 'threshold' });
  }
  const raw = drivers.reduce((sum, driver) => sum + driver.contribution, 0);
  const score = raw / Math.sqrt(raw * raw + ALPHA);
  const label = score >= threshold && score > 0 ? 'positive' : score <= -threshold && score < 0 ? 'negative' : 'neutral';
  return { score, label, drivers: drivers.filter((driver) => driver.contribution !== 0) };
}

function directionItems(tokens: readonly string[], used: Set<number>): Item[] {
  const items: Item[] = [];
  tokens.forEach((token, index) => {
    const direction = DIRECTIONS[token];
    if (direction === undefined) return;
    const metric = findMetric(tokens, index, used);
    if (metric === undefined || switchesMetric(tokens, index, METRICS[tokens[metric]])) return;
    used.add(index).add(metric);
    items.push({ start: Math.min(index, metric), end: Math.max(index, metric), base: DIRECTION_WEIGHT * direction * METRICS[tokens[metric]], comparable: false });
  });
  return items;
}

// Nearest metric before the verb ("costs decreased"), else after it ("increase in sales").
function findMetric(tokens: readonly string[], at: number, used: ReadonlySet<number>): number | undefined {
  const usable = (index: number) => !used.has(index) && METRICS[tokens[index]] !== undefined && tokens[index - 1] !== 'per';
  for (let index = at - 1; index >= Math.max(0, at - METRIC_WINDOW) && !SENTENCE_BREAKS.has(tokens[index]); index--) {
    if (usable(index)) return index;
  }
  for (let index = at + 1; index <= Math.min(tokens.length - 1, at + 4) && !SENTENCE_BREAKS.has(tokens[index]); index++) {
    if (usable(index)) return index;
  }
  return undefined;
}

// "loss ..., down from a profit" compares two different metrics: leave it to the comparison rule.
function switchesMetric(tokens: readonly string[], at: number, sign: number): boolean {
  if (tokens[at + 1] !== 'from') return false;
  return tokens.slice(at + 2, at + 5).some((token) => METRICS[token] === -sign);
}

function phraseItems(tokens: readonly string[], used: Set<number>, early: boolean): Item[] {
  const items: Item[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const phrase = matchPhraseAt(tokens, index, used, early);
    if (phrase === undefined) continue;
    const end = index + phrase.slots.length - 1;
    for (let covered = index; covered <= end; covered++) used.add(covered);
    items.push({ start: index, end, base: phrase.score, comparable: true });
    index = end;
  }
  return items;
}

function wordItems(tokens: readonly string[], used: ReadonlySet<number>): Item[] {
  return tokens.flatMap((token, index) =>
    used.has(index) || WORD_SCORES[token] === undefined ? [] : [{ start: index, end: index, base: WORD_SCORES[token], comparable: true }]);
}
