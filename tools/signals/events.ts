import { assertText } from './tokens.ts';

/** The fixed event taxonomy. */
export const EVENT_TYPES = [
  'earnings_beat', 'earnings_miss', 'guidance_raise', 'guidance_cut', 'merger_acquisition',
  'analyst_upgrade', 'analyst_downgrade', 'lawsuit_regulatory', 'product_launch',
  'management_change', 'dividend_buyback', 'macro', 'none',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The best event for a text, its confidence in [0, 1], the scores of all candidates and the cues seen. */
export interface EventClassification {
  readonly event: EventType;
  readonly confidence: number;
  readonly scores: Partial<Record<EventType, number>>;
  readonly cues: string[];
}

type Rule = readonly [EventType, RegExp, number];
const EARNINGS = '(?:earnings|eps|profit|results|revenue|sales|quarter|estimates|expectations|consensus|forecasts)';
const GUIDANCE = '(?:guidance|outlook|forecast|full-year target|profit target)';

// Strong cues weigh 2 or 3, supporting cues 1. Patterns run on the lower-cased text.
const RULES: readonly Rule[] = [
  ['earnings_beat', new RegExp(`\\b(?:beat|beats|topped|tops|exceeded|surpassed)\\b[^.]{0,40}${EARNINGS}`), 3],
  ['earnings_beat', /\b(?:above|ahead of) (?:expectations|estimates|consensus|forecasts)\b/, 2],
  ['earnings_beat', /\brecord (?:revenue|sales|profit|earnings|quarter)\b/, 1],
  ['earnings_miss', new RegExp(`\\b(?:missed|misses|miss|fell short of|below)\\b[^.]{0,40}${EARNINGS}`), 3],
  ['earnings_miss', /\b(?:profit|earnings) warning\b|\bnet loss\b|\bswung to a (?:net )?loss\b/, 2],
  ['guidance_raise', new RegExp(`\\b(?:raised|raises|raising|lifted|lifts|boosted|increased|upgraded)\\b[^.]{0,30}${GUIDANCE}`), 3],
  ['guidance_cut', new RegExp(`\\b(?:cut|cuts|cutting|lowered|lowers|slashed|reduced|trimmed|withdrew|withdraws)\\b[^.]{0,30}${GUIDANCE}`), 3],
  ['guidance_cut', /\bprofit warning\b/, 1],
  ['merger_acquisition', /\b(?:acquire[sd]?|acquiring|acquisition|merger|merge[sd]?|takeover|buyout|tender offer|to buy)\b/, 2],
  ['merger_acquisition', /\b(?:deal valued|all-cash deal|all-stock deal|bid for)\b/, 1],
  ['analyst_upgrade', /\b(?:upgrade[sd]?|upgrading)\b|\braised? (?:its |the )?(?:price target|rating)\b|\b(?:to|at) (?:buy|outperform|overweight)\b/, 3],
  ['analyst_downgrade', /\b(?:downgrade[sd]?|downgrading)\b|\b(?:cut|lowered) (?:its |the )?(?:price target|rating)\b|\b(?:to|at) (?:sell|underperform|underweight)\b/, 3],
  ['lawsuit_regulatory', /\b(?:lawsuit|sued|sues|litigation|class action|antitrust|probe|investigation|subpoena|settlement|fined|fine of|penalty|regulator|regulators|sec charges|indicted)\b/, 3],
  ['product_launch', /\b(?:launch(?:es|ed|ing)?|unveil(?:s|ed)?|introduc(?:es|ed)|rolls? out|rolled out|released? (?:a|its|the) new|new (?:product|model|chip|phone|service))\b/, 2],
  ['management_change', /\b(?:ceo|cfo|chief executive|chairman|president|coo|cto)\b[^.]{0,40}\b(?:resign(?:s|ed)?|steps? down|stepped down|appointed|named|replace[sd]?|retire[sd]?|depart(?:s|ed|ure)?|ousted|successor)\b/, 3],
  ['management_change', /\b(?:appoint(?:s|ed)?|names?|named) [^.]{0,40}\b(?:ceo|cfo|chief executive|chairman|president)\b/, 3],
  ['dividend_buyback', /\b(?:dividend|buyback|buy-back|share repurchase|repurchase program|repurchase plan|special payout)\b/, 3],
  ['macro', /\b(?:federal reserve|the fed|central bank|interest rates?|rate (?:hike|cut)s?|inflation|cpi|gdp|unemployment rate|jobs report|payrolls|recession|treasury yields?|tariffs?|ecb)\b/, 2],
];

/**
 * Rule-based event type of a text. Confidence grows with the winning score and with its margin
 * over the runner-up; a text no rule matches is 'none' with confidence 0.9 (rules can miss events).
 *
 * @example classifyEvent('Apple beat earnings estimates and raised its outlook').event // 'earnings_beat'
 */
export function classifyEvent(text: string): EventClassification {
  assertText(text, 'text');
  const lower = text.toLowerCase();
  const scores: Partial<Record<EventType, number>> = {};
  const cues: string[] = [];
  for (const [event, pattern, weight] of RULES) {
    const match = pattern.exec(lower);
    if (match === null) continue;
    scores[event] = (scores[event] ?? 0) + weight;
    cues.push(`${event}: ${match[0]}`);
  }
  // Ties go to the earlier type in EVENT_TYPES, so the answer never depends on rule order.
  const ranked = EVENT_TYPES.filter((event) => scores[event] !== undefined)
    .sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0) || EVENT_TYPES.indexOf(left) - EVENT_TYPES.indexOf(right));
  if (ranked.length === 0) return { event: 'none', confidence: 0.9, scores, cues };
  const best = scores[ranked[0]] ?? 0;
  const runnerUp = ranked.length > 1 ? (scores[ranked[1]] ?? 0) : 0;
  const strength = best / (best + 1);
  const margin = (best - runnerUp + 1) / (best + 1);
  return { event: ranked[0], confidence: round(strength * margin), scores, cues };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
