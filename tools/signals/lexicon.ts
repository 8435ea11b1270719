/**
 * A finance word list written by hand for this desk (no third-party lexicon copied): valence of
 * single words in business news, roughly -3..+3. Direction verbs (rose, fell, ...) and metric
 * nouns (sales, costs, ...) live in finance-rules.ts, because their sign depends on each other.
 */
export const WORD_SCORES: Readonly<Record<string, number>> = {
  // positive
  gain: 1, gains: 1, gained: 1, profitable: 1.5, profitability: 0.5, strong: 1.2, stronger: 1.2,
  strongest: 1.5, strength: 1, strengthen: 1, strengthened: 1, robust: 1.2, solid: 0.8,
  improve: 1.5, improved: 1.5, improves: 1.5, improving: 1.5, improvement: 1.5, improvements: 1.2,
  success: 1.5, successful: 1.5, successfully: 1.2, record: 0.8, beat: 1.2, beats: 1.2,
  exceed: 1.2, exceeded: 1.5, exceeds: 1.2, outperform: 1.5, outperformed: 1.5, upgrade: 2,
  upgraded: 2, upgrades: 1.5, boost: 1.5, boosted: 1.5, boosts: 1.5, positive: 1, positively: 1,
  optimistic: 1.5, confident: 1, confidence: 0.5, win: 1, wins: 1, won: 1, awarded: 1,
  expansion: 0.6, expand: 0.6, expanded: 0.6, expanding: 0.6, rebound: 1, rebounded: 1,
  recovery: 1, recovered: 1, favorable: 1.5, favourable: 1.5, benefit: 1, benefits: 0.8,
  benefited: 1, opportunity: 0.5, opportunities: 0.5, efficient: 0.6, efficiency: 0.6,
  innovative: 0.5, best: 1, upbeat: 1.5, bullish: 1.5, healthy: 1, excellent: 2, good: 1,
  great: 1.5, attractive: 0.8, surpassed: 1.5, breakthrough: 1.5, momentum: 0.6, growth: 0.8,
  profit: 0.3, profits: 0.3, agreement: 0.2, contract: 0.3, order: 0.2, orders: 0.3, deal: 0.3,
  launch: 0.3, launched: 0.3, advance: 0.5, advanced: 0.5, grew: 1, growing: 0.8,
  // negative
  loss: -1.5, losses: -1.5, lost: -1.2, weak: -1.5, weaker: -1.5, weakness: -1.5, weakened: -1.5,
  poor: -1.5, poorly: -1.5, miss: -1.2, missed: -1.5, misses: -1.2, downgrade: -2, downgraded: -2,
  downgrades: -1.5, warning: -1.5, warned: -1.5, warns: -1.5, warn: -1.2, lawsuit: -1.2,
  lawsuits: -1.2, litigation: -1, sued: -1.2, fined: -1.5, penalty: -1.5, penalties: -1.5,
  layoffs: -1.5, layoff: -1.5, 'lay-offs': -1.5, redundant: -1.2, redundancies: -1.5, dismissals: -1.2, bankruptcy: -2.5, bankrupt: -2.5,
  insolvency: -2.5, default: -1.5, impairment: -1.5, writedown: -1.5, 'write-down': -1.5,
  restructuring: -0.5, difficult: -1, difficulties: -1.2, challenging: -1, uncertainty: -1,
  uncertain: -1, negative: -1.5, negatively: -1.5, pessimistic: -1.5, bearish: -1.5,
  slump: -2, slumped: -2, plunge: -2, plunged: -2, concerns: -1, problem: -1,
  problems: -1, fail: -1.5, failed: -1.5, failure: -1.5, delay: -1, delayed: -1, delays: -1,
  disappointing: -2, disappointed: -1.5, disappointment: -2, deteriorate: -1.5, deteriorated: -1.5,
  deterioration: -1.5, worse: -1.5, worst: -2, worsened: -1.5, recall: -1, investigation: -1,
  fraud: -2.5, shortfall: -1.5, deficit: -1, underperform: -1.5, closure: -1,
  shut: -1, strike: -1, cancelled: -1, canceled: -1, cancellation: -1, adverse: -1.5,
  decline: -1, declined: -1, declining: -1, downturn: -1.5, recession: -1.5, crisis: -1.5,
  unprofitable: -1.5, volatile: -0.5, hurt: -1.5, damage: -1.2, damaged: -1.2,
  lower: -0.6, drop: -1, dropped: -1, fell: -1, fall: -0.8, falling: -0.8, decreased: -0.8,
  // plain direction words scored alone (baseline and defaults; finance-rules may override)
  rose: 1, rise: 0.8, rising: 0.8, increased: 0.8, increase: 0.6, higher: 0.6, up: 0.4,
  jumped: 1.2, surged: 1.5, soared: 1.5, climbed: 1, doubled: 1.2,
};

/** Words that scale the next scored item up. */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.4, sharply: 1.5, significantly: 1.5, strongly: 1.4, substantially: 1.5, considerably: 1.4,
  markedly: 1.4, dramatically: 1.6, highly: 1.3, extremely: 1.6, much: 1.2, greatly: 1.4, clearly: 1.2,
};

/** Words that scale the next scored item down. */
export const DIMINISHERS: Readonly<Record<string, number>> = {
  slightly: 0.5, marginally: 0.5, somewhat: 0.6, modestly: 0.6, little: 0.6, mildly: 0.6, barely: 0.4,
  partly: 0.7, partially: 0.7,
};

/** Tokens that flip the polarity of scored items in the next few tokens of the same clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', "n't", 'without', 'neither', 'nor', 'none', 'cannot', 'hardly', 'nothing',
  "didn't", "doesn't", "don't", "isn't", "wasn't", "won't", "aren't", "weren't", "hasn't", "haven't",
  "couldn't", "wouldn't", "shouldn't", 'didn’t', 'doesn’t', 'don’t', 'isn’t', 'wasn’t', 'won’t',
]);
