import { DeskError } from '../../core/index.ts';
import { assertText } from './tokens.ts';

/** One tradable name: its symbol and the names people use for it (matched case-sensitively). */
export interface TickerEntry {
  readonly symbol: string;
  readonly names: readonly string[];
}

/** One place a ticker is mentioned in a text. */
export interface TickerMention {
  readonly symbol: string;
  readonly matched: string;
  readonly index: number;
  readonly via: 'cashtag' | 'symbol' | 'name';
}

/** The demo universe's dictionary. Names are proper nouns, so "apple pie" or "amazing" never match. */
export const DEMO_TICKERS: readonly TickerEntry[] = [
  { symbol: 'AAPL', names: ['Apple Inc', 'Apple'] },
  { symbol: 'MSFT', names: ['Microsoft Corporation', 'Microsoft'] },
  { symbol: 'NVDA', names: ['NVIDIA', 'Nvidia'] },
  { symbol: 'AMZN', names: ['Amazon.com', 'Amazon'] },
  { symbol: 'GOOGL', names: ['Alphabet', 'Google'] },
  { symbol: 'META', names: ['Meta Platforms', 'Facebook', 'Meta'] },
  { symbol: 'JPM', names: ['JPMorgan Chase', 'JPMorgan', 'JP Morgan', 'J.P. Morgan'] },
  { symbol: 'TSLA', names: ['Tesla'] },
  { symbol: 'SPY', names: ['SPDR S&P 500 ETF', 'S&P 500 ETF'] },
  { symbol: 'QQQ', names: ['Invesco QQQ', 'Nasdaq-100 ETF', 'Nasdaq 100 ETF'] },
];

// Upper-case words that are also tickers somewhere; bare (no $) they are read as words.
const COMMON_WORDS = new Set(['A', 'I', 'IT', 'ON', 'ALL', 'ARE', 'NOW', 'CAN', 'BIG', 'CEO', 'CFO', 'USA', 'EU', 'US', 'UK', 'GDP', 'IPO', 'ETF', 'AI', 'EPS', 'FOR', 'ONE', 'SO', 'BE', 'GO', 'OR', 'AN', 'AT', 'BY', 'DD', 'OUT', 'NEW', 'CAT', 'KEY', 'LOW', 'HAS', 'TWO', 'SEE', 'REAL', 'CASH', 'EAT', 'FUN']);
const SYMBOL_PATTERN = /^[A-Z][A-Z0-9.]{0,9}$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every ticker mention in a text, in order: `$AAPL` cashtags (any case), bare upper-case symbols
 * ("NVDA", but not common words such as "IT" or "ALL"), and company names or aliases as written.
 * Pass your own dictionary to cover another universe; it is compiled once per array, so treat it as immutable.
 *
 * @example findTickerMentions('Apple and $nvda rallied; MSFT lagged').map((mention) => mention.symbol) // ['AAPL', 'NVDA', 'MSFT']
 */
export function findTickerMentions(text: string, dictionary: readonly TickerEntry[] = DEMO_TICKERS): TickerMention[] {
  assertText(text, 'text');
  assertDictionary(dictionary);
  const mentions: TickerMention[] = [];
  const taken = new Set<number>();
  const add = (symbol: string, matched: string, index: number, via: TickerMention['via']) => {
    for (let offset = 0; offset < matched.length; offset++) if (taken.has(index + offset)) return;
    for (let offset = 0; offset < matched.length; offset++) taken.add(index + offset);
    mentions.push({ symbol, matched, index, via });
  };
  const patterns = compile(dictionary);
  for (const match of text.matchAll(/\$([A-Za-z][A-Za-z0-9.]{0,9})\b/g)) {
    const symbol = match[1].toUpperCase();
    if (patterns.symbols.has(symbol)) add(symbol, match[0], match.index, 'cashtag');
  }
  for (const [symbol, pattern, via] of patterns.rules) {
    for (const match of text.matchAll(pattern)) add(symbol, match[0], match.index, via);
  }
  return mentions.sort((left, right) => left.index - right.index);
}

/**
 * The distinct tickers a text mentions, in order of first mention.
 * @example extractTickers('Tesla and TSLA and $TSLA') // ['TSLA']
 */
export function extractTickers(text: string, dictionary: readonly TickerEntry[] = DEMO_TICKERS): string[] {
  return [...new Set(findTickerMentions(text, dictionary).map((mention) => mention.symbol))];
}

interface CompiledDictionary {
  symbols: Set<string>;
  rules: Array<readonly [string, RegExp, 'symbol' | 'name']>;
}
const compiled = new WeakMap<readonly TickerEntry[], CompiledDictionary>();

// Names first, longest first ("Meta Platforms" before "Meta"), then bare symbols that are not common words.
function compile(dictionary: readonly TickerEntry[]): CompiledDictionary {
  const cached = compiled.get(dictionary);
  if (cached !== undefined) return cached;
  const names = dictionary.flatMap((entry) => entry.names.map((name) => ({ symbol: entry.symbol, name })))
    .sort((left, right) => right.name.length - left.name.length);
  const result: CompiledDictionary = {
    symbols: new Set(dictionary.map((entry) => entry.symbol)),
    rules: [
      ...names.map(({ symbol, name }) => [symbol, new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w-])`, 'g'), 'name'] as const),
      ...dictionary.filter((entry) => !COMMON_WORDS.has(entry.symbol))
        .map((entry) => [entry.symbol, new RegExp(`(?<![\\w$])${escapeRegExp(entry.symbol)}(?![\\w])`, 'g'), 'symbol'] as const),
    ],
  };
  compiled.set(dictionary, result);
  return result;
}

function assertDictionary(dictionary: readonly TickerEntry[]): void {
  if (!Array.isArray(dictionary)) {
    throw new DeskError('invalid_input', 'dictionary must be an array of { symbol, names } entries', { field: 'dictionary' });
  }
  dictionary.forEach((entry, position) => {
    if (typeof entry?.symbol !== 'string' || !SYMBOL_PATTERN.test(entry.symbol)) {
      throw new DeskError('invalid_input', `dictionary[${position}].symbol must be 1-10 upper-case letters, digits or dots, starting with a letter (got ${JSON.stringify(entry?.symbol)})`, { field: `dictionary[${position}].symbol` });
    }
    if (!Array.isArray(entry.names) || entry.names.some((name: unknown) => typeof name !== 'string' || name.trim().length < 2)) {
      throw new DeskError('invalid_input', `dictionary[${position}].names must be an array of names of at least 2 characters`, { field: `dictionary[${position}].names` });
    }
  });
}
