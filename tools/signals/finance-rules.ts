/**
 * Finance rules the plain word list cannot express: a direction verb takes its sign from the
 * metric it moves ("costs decreased" is good news, "sales decreased" bad), and fixed phrases
 * ("cut guidance", "beat estimates") score as one unit.
 */

/** +1 for "goes up" verbs, -1 for "goes down" verbs. */
export const DIRECTIONS: Readonly<Record<string, 1 | -1>> = Object.fromEntries([
  ...words('rose rise rises risen rising increased increase increases increasing grew grow grows growing up',
    'climbed climb gained jumped jump surged surge soared soar higher widened widen widening doubled tripled',
    'expanded improved rebounded advanced raised raise raises raising boosted lifted accelerated larger bigger').map((word) => [word, 1] as const),
  ...words('fell fall falls fallen falling decreased decrease decreases decreasing declined decline declines',
    'declining dropped drop drops down lower lowered lowers narrowed narrow narrowing shrank shrunk shrinking',
    'slumped plunged tumbled slipped slid contracted reduced reduce reduces reducing cut cuts cutting eased',
    'weakened halved slowed slowing lowering trimmed smaller').map((word) => [word, -1] as const),
]);

/** +1 for metrics where more is better, -1 for metrics where more is worse. */
export const METRICS: Readonly<Record<string, 1 | -1>> = Object.fromEntries([
  ...words('profit profits earnings revenue revenues sales income ebit ebitda margin margins orders order intake',
    'backlog eps dividend turnover result results growth price prices shares stock value demand cash cashflow',
    'volume volumes deliveries traffic output guidance outlook forecast productivity market share occupancy',
    'production capacity return returns efficiency rating target savings staff jobs workforce personnel',
    'employees headcount').map((word) => [word, 1] as const),
  ...words('loss losses costs cost expenses expense debt unemployment layoffs deficit writedowns impairment',
    'charges provisions risk risks inventories inventory emissions churn indebtedness',
    'delays defaults arrears leverage borrowing').map((word) => [word, -1] as const),
]);

/** One phrase: each position accepts any of a set of words. */
export interface Phrase {
  readonly slots: ReadonlyArray<ReadonlySet<string>>;
  readonly score: number;
  /** Matched before the direction rule. */
  readonly early: boolean;
}

// "a|b c" means: first token a or b, then c.
const PHRASE_TABLE: ReadonlyArray<readonly [string, number]> = [
  ['beat|beats|topped|tops|exceeded|exceeds|surpassed estimates|expectations|forecasts|consensus', 2.5],
  ['above|ahead expectations|estimates|forecasts|consensus', 2],
  ['ahead of expectations|estimates|forecasts|consensus', 2],
  ['missed|misses|miss estimates|expectations|forecasts|consensus|targets', -2.5],
  ['below|short expectations|estimates|forecasts|consensus', -2],
  ['below|short of expectations|estimates|forecasts|consensus', -2],
  ['cut|cuts|lowered|lowers|slashed|reduced guidance|outlook|forecast', -2.5],
  ['raised|raises|lifted|increased|upgraded guidance|outlook|forecast', 2.5],
  ['record revenue|revenues|sales|profit|profits|earnings|quarter|year|results|high|level|orders', 2],
  ['all-time|all high', 1.5],
  ['profit|earnings|sales warning|warnings', -2.5],
  ['net|operating|pre-tax|pretax|quarterly|annual loss|losses', -2],
  ['returned|return to profit|profitability|black', 2],
  ['swung|swing to loss|red', -2],
  ['turned|turn profitable|positive', 2],
  ['market share', 0.3],
  ['swung|swing|turned|returned to a net|operating|pre-tax|pretax profit|profits', 2.5],
  ['slipped|swung|swing|turned to a net|operating|pre-tax|pretax loss|losses', -2.5],
  ['signed|signs|won|wins|awarded|secured|received|receives a|an contract|agreement|deal|order', 1.2],
  ['cut|cuts|cutting|reduce|reduces|reducing staff|jobs|workforce|personnel|employees|headcount', -1.5],
  ['staff|job|jobs|workforce|personnel reduction|reductions|cuts|cut', -1.5],
  ['laying|laid|lay off', -1.5],
  ['declined to comment', 0],
  ['up to', 0],
  ['personnel|co-operation|cooperation|employer-employee negotiations|talks', -1.2],
  ['reduction|termination notice|notices', -1.2],
  ['temporary|temporarily layoffs|lay-offs|redundancies', -1.5],
  ['lay|laid off', -1.5],
  ['job|jobs cuts|losses', -1.5],
  ['price target', 0],
  ['going concern', -2],
  ['chapter 11', -2.5],
];

/**
 * The phrases, parsed once, longest first so the longest match wins. Phrases of three or more
 * words and neutralising ones (score 0, e.g. "up to") are specific enough to win over the
 * direction rule; two-word phrases yield to it ("net loss narrowed" is about the narrowing).
 */
export const PHRASES: ReadonlyArray<Phrase> = PHRASE_TABLE.map(([pattern, score]) => ({
  slots: pattern.split(' ').map((slot) => new Set(slot.split('|'))),
  score,
  early: score === 0 || pattern.split(' ').length >= 3,
})).sort((left, right) => right.slots.length - left.slots.length);

/**
 * The phrase starting at token `start`, if any (skipping tokens already used by another rule).
 * @example matchPhraseAt(['beat', 'estimates'], 0, new Set())?.score // 2.5 (pass early = true for early phrases only)
 */
export function matchPhraseAt(tokens: readonly string[], start: number, used: ReadonlySet<number>, early = false): Phrase | undefined {
  return PHRASES.find((phrase) => (!early || phrase.early) && phrase.slots.every((slot, offset) => {
    const index = start + offset;
    return index < tokens.length && !used.has(index) && slot.has(tokens[index]);
  }));
}

function words(...lines: string[]): string[] {
  return lines.join(' ').split(' ');
}
