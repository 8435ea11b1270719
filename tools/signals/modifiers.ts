import { DIMINISHERS, INTENSIFIERS, NEGATORS } from './lexicon.ts';
import { CLAUSE_BREAKS } from './tokens.ts';

/** A scored span of tokens; `comparable` items flip after "from"/"compared"/"than". */
export interface ScoredSpan { start: number; end: number; base: number; comparable: boolean }

/** Multiplier applied when a negator is in scope (flips and damps). */
export const NEGATION_FACTOR = -0.8;
const NEGATION_SCOPE = 3;
const COMPARISON_WORDS = new Set(['from', 'compared', 'than', 'versus', 'vs']);

/**
 * Product of intensifier/diminisher weights two tokens before and one after the span
 * ("rose sharply", "slightly lower").
 * @example modifierFactor(['sales', 'rose', 'sharply'], { start: 0, end: 1, base: 1.5, comparable: false }) // 1.5
 */
export function modifierFactor(tokens: readonly string[], span: ScoredSpan): number {
  let factor = 1;
  for (const index of [span.start - 2, span.start - 1, span.end + 1]) {
    const token = tokens[index];
    if (token === undefined) continue;
    factor *= INTENSIFIERS[token] ?? DIMINISHERS[token] ?? 1;
  }
  return factor;
}

/**
 * NEGATION_FACTOR when a negator stands in the three tokens before `start` in the same clause, else 1.
 * @example negationFactor(['not', 'strong'], 1) // -0.8
 */
export function negationFactor(tokens: readonly string[], start: number): number {
  for (let index = start - 1; index >= Math.max(0, start - NEGATION_SCOPE) && !CLAUSE_BREAKS.has(tokens[index]); index--) {
    if (NEGATORS.has(tokens[index])) return NEGATION_FACTOR;
  }
  return 1;
}

/**
 * "up from a loss", "down from a profit": news about the earlier period counts the other way now.
 * @example comparisonFactor(['up', 'from', 'a', 'loss'], { start: 3, end: 3, base: -1.5, comparable: true }) // -0.8
 */
export function comparisonFactor(tokens: readonly string[], span: ScoredSpan): number {
  if (!span.comparable) return 1;
  for (let index = span.start - 1; index >= Math.max(0, span.start - 4); index--) {
    if (COMPARISON_WORDS.has(tokens[index])) return NEGATION_FACTOR;
  }
  return 1;
}
