/**
 * Grounding: every figure in a reply must be traceable to a tool result (or the user's own
 * words). A figure matches a source value when the value, rounded to the figure's shown
 * decimals, equals it — directly or as a percentage of a fraction.
 */
const DATE_PATTERN = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)?\b/g;
const IDENTIFIER_PATTERN = /\b[A-Za-z_]+[A-Za-z_]*\d[\w-]*\b|\b\d+[A-Za-z_][\w-]*\b/g;
const NUMBER_PATTERN = /-?\d[\d,]*(?:\.\d+)?%?/g;

export interface GroundingReport {
  figures: number;
  ungrounded: string[];
}

/** Check the figures and dates of `reply` against `sources` (tool results, arguments, user text). */
export function checkGrounding(reply: string, sources: unknown[]): GroundingReport {
  const sourceText = sources.map((source) => (typeof source === 'string' ? source : JSON.stringify(source))).join('\n');
  const values = collectNumbers(sources);
  const ungrounded: string[] = [];
  let figures = 0;
  for (const date of reply.match(DATE_PATTERN) ?? []) {
    figures += 1;
    if (!sourceText.includes(date)) ungrounded.push(date);
  }
  const stripped = reply.replace(DATE_PATTERN, ' ').replace(IDENTIFIER_PATTERN, ' ');
  for (const figure of stripped.match(NUMBER_PATTERN) ?? []) {
    figures += 1;
    if (!isGrounded(figure, values)) ungrounded.push(figure);
  }
  return { figures, ungrounded };
}

function isGrounded(figure: string, values: number[]): boolean {
  const isPercent = figure.endsWith('%');
  const digits = figure.replace(/[%,]/g, '');
  const shown = Number(digits);
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const matches = (value: number): boolean => Math.abs(roundTo(value, decimals) - Math.abs(shown)) < 1e-9;
  return values.some((value) => {
    const magnitude = Math.abs(value);
    if (isPercent) return matches(magnitude * 100) || matches(magnitude);
    return matches(magnitude);
  });
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/** Every number in the sources: JSON numbers, numeric strings, and numbers inside free text. */
function collectNumbers(sources: unknown[]): number[] {
  const found = new Set<number>();
  const visit = (value: unknown): void => {
    if (typeof value === 'number' && Number.isFinite(value)) found.add(value);
    else if (typeof value === 'string') {
      // Thousands separators as written in text ("10,000 shares") count as one number.
      for (const match of value.replace(DATE_PATTERN, ' ').match(/-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/g) ?? []) found.add(Number(match.replace(/,/g, '')));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  sources.forEach(visit);
  return [...found];
}
