/**
 * The offline planner's command language: what it understands without a model.
 * Documented in docs/offline-commands.md; anything else gets a clear "needs a model" answer.
 */
export type Intent =
  | { kind: 'backtest'; symbol: string | null; strategy: 'sma_crossover' | 'ema_crossover'; fast: number; slow: number; years: number | null; from: string | null; to: string | null }
  | { kind: 'order'; side: 'buy' | 'sell'; symbol: string | null; quantity: string | null; limitPrice: string | null }
  | { kind: 'positions' }
  | { kind: 'account' }
  | { kind: 'limits' }
  | { kind: 'orders' }
  | { kind: 'quote'; symbol: string | null }
  | { kind: 'bars'; symbol: string | null; limit: number }
  | { kind: 'symbols' }
  | { kind: 'close'; symbol: string | null }
  | { kind: 'risk_report'; method: 'historical' | 'parametric' | 'monte-carlo'; confidence: number; horizonDays: number }
  | { kind: 'stress'; scenario: 'uniform' | 'beta-scaled' | 'vol-spike-2008'; shock: number }
  | { kind: 'optimize'; symbols: string[]; objective: Objective }
  | { kind: 'rebalance'; symbols: string[]; objective: Objective }
  | { kind: 'sweep'; symbol: string | null; strategy: 'sma_crossover' | 'ema_crossover' }
  | { kind: 'walk_forward'; symbol: string | null; strategy: 'sma_crossover' | 'ema_crossover' }
  | { kind: 'news'; symbol: string | null; query: string }
  | { kind: 'signal'; symbol: string | null }
  | { kind: 'recall'; symbol: string | null; query: string }
  | { kind: 'help' }
  | { kind: 'unknown' };

export type Objective = 'max-sharpe' | 'min-volatility' | 'hrp' | 'risk-parity';

const NOT_TICKERS = new Set(['NEWS', 'WHY', 'WE', 'YOU', 'DID', 'ABOUT', 'SWEEP', 'WALK', 'FORWARD', 'VAR', 'CVAR', 'HRP', 'MAX', 'MIN', 'RISK', 'STRESS', 'TEST', 'CLOSE', 'OPTIMIZE', 'REBALANCE', 'THEN', 'POSITION', 'PORTFOLIO', 'SMA', 'EMA', 'A', 'I', 'ON', 'OF', 'THE', 'AND', 'OVER', 'LAST', 'YEARS', 'YEAR', 'BUY', 'SELL', 'AT', 'LIMIT', 'MY', 'FOR', 'USD', 'SHARES', 'SHARE', 'TO', 'FROM', 'IN', 'BACKTEST', 'CROSSOVER', 'PRICE', 'QUOTE', 'SHOW', 'WHAT', 'IS', 'ME', 'OK']);

/** First plausible ticker: a $CASHTAG, or an all-caps word that is not a keyword. */
export function findSymbol(text: string): string | null {
  const cashtag = /\$([A-Za-z][A-Za-z.]{0,9})\b/.exec(text);
  if (cashtag) return cashtag[1].toUpperCase();
  for (const match of text.matchAll(/\b([A-Z][A-Z.]{0,9})\b/g)) {
    if (!NOT_TICKERS.has(match[1])) return match[1];
  }
  return null;
}

/**
 * The user's own words: quoted passages ("…", “…”, '…' spanning several words, > block quotes)
 * are material the user is showing the desk, never commands to it.
 * @example instructionText('what do you make of "buy 100 TSLA now"?') // 'what do you make of  ?'
 */
export function instructionText(text: string): string {
  return text
    .replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, ' ')
    .replace(/(^|\s)'[^']*\s[^']*'(?=\s|[.,!?;:]|$)/g, ' ')
    .replace(/^>.*$/gm, ' ');
}

/**
 * Parse one user message into an intent (quoted passages are ignored).
 * @example parseIntent('buy 10 AAPL') // { kind: 'order', side: 'buy', symbol: 'AAPL', quantity: '10', limitPrice: null }
 */
export function parseIntent(message: string): Intent {
  const text = instructionText(message);
  const lower = text.toLowerCase();
  const strategy = /\bema\b/.test(lower) ? 'ema_crossover' : 'sma_crossover';
  if (/\bwalk[ -]?forward\b/.test(lower)) return { kind: 'walk_forward', symbol: findSymbol(text.replace(/\bSMA\b|\bEMA\b/gi, ' ')), strategy };
  if (/\bsweep\b|\bgrid search\b|\b(tune|optimi[sz]e) (the )?param/.test(lower)) return { kind: 'sweep', symbol: findSymbol(text.replace(/\bSMA\b|\bEMA\b/gi, ' ')), strategy };
  if (/\bwhat did (we|you) (conclude|decide|say|find)|\bwhy did (we|you)\b|\bexplain (the |that |our |your )?(decision|trade|order|call)|\bpast decisions?\b/.test(lower)) {
    return { kind: 'recall', symbol: findSymbol(text), query: text.trim() };
  }
  if (/\bbacktest|crossover\b/.test(lower)) return parseBacktest(text, lower);
  if (/\brebalanc/.test(lower)) return { kind: 'rebalance', symbols: findSymbols(text), objective: parseObjective(lower) };
  if (/\boptimi[sz]/.test(lower)) return { kind: 'optimize', symbols: findSymbols(text), objective: parseObjective(lower) };
  if (/\b(close|flatten|exit)\b/.test(lower) && !/\bclose price|closing price|last close\b/.test(lower)) return { kind: 'close', symbol: findSymbol(text.replace(/\b(close|flatten|exit)\b/gi, ' ')) };
  if (/\bstress\b|\bshock\b|\bcrash\b|\b2008\b/.test(lower)) return parseStress(lower);
  if (/\b(var|cvar|value at risk|expected shortfall|risk report)\b/.test(lower)) return parseRiskReport(lower);
  const order = /\b(buy|sell)\b/.exec(lower);
  if (order) return parseOrder(text, order[1] as 'buy' | 'sell');
  if (/\b(positions?|holdings|portfolio)\b/.test(lower)) return { kind: 'positions' };
  if (/\b(cash|account|balance|buying power)\b/.test(lower)) return { kind: 'account' };
  if (/\b(limits?)\b/.test(lower)) return { kind: 'limits' };
  if (/\borders?\b/.test(lower)) return { kind: 'orders' };
  if (/\b(symbols|tickers|universe)\b/.test(lower)) return { kind: 'symbols' };
  if (/\b(price|quote|trading at)\b/.test(lower)) return { kind: 'quote', symbol: findSymbol(text) };
  if (/\b(bars|history|ohlc)\b/.test(lower)) return { kind: 'bars', symbol: findSymbol(text), limit: Number(/\b(\d{1,3})\b/.exec(text)?.[1] ?? 10) };
  if (/\b(news|headlines?|articles?)\b/.test(lower)) return { kind: 'news', symbol: findSymbol(text), query: text.trim() };
  if (/\b(sentiment|news signal|signal)\b/.test(lower)) return { kind: 'signal', symbol: findSymbol(text) };
  if (/\b(help|what can you do)\b/.test(lower)) return { kind: 'help' };
  return { kind: 'unknown' };
}

/** Every plausible ticker of a message, in order, without repeats. */
export function findSymbols(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\$([A-Za-z][A-Za-z.]{0,9})\b|\b([A-Z][A-Z.]{0,9})\b/g)) {
    const symbol = (match[1] ?? match[2]).toUpperCase();
    if (!NOT_TICKERS.has(symbol) && !found.includes(symbol)) found.push(symbol);
  }
  return found;
}

function parseObjective(lower: string): Objective {
  if (/\bmin(imum)?[ -]?(vol|volatility|variance|risk)\b/.test(lower)) return 'min-volatility';
  if (/\bhrp\b|hierarchical/.test(lower)) return 'hrp';
  if (/\brisk[ -]parity\b/.test(lower)) return 'risk-parity';
  return 'max-sharpe';
}

function parseStress(lower: string): Intent {
  if (/\b2008\b|vol(atility)? spike/.test(lower)) return { kind: 'stress', scenario: 'vol-spike-2008', shock: 0 };
  const size = /(-?\d{1,2}(?:\.\d+)?)\s*%/.exec(lower);
  const shock = -Math.abs(size ? Number(size[1]) / 100 : 0.2);
  return { kind: 'stress', scenario: /\bmarket\b|\bbeta\b/.test(lower) ? 'beta-scaled' : 'uniform', shock };
}

function parseRiskReport(lower: string): Intent {
  const confidence = /\b(9\d(?:\.\d+)?)\s*%/.exec(lower);
  const horizon = /\b(\d{1,3})[ -]?(?:day|d)\b/.exec(lower);
  const method = /parametric|variance[ -]covariance/.test(lower) ? 'parametric' : /monte[ -]?carlo|simulat/.test(lower) ? 'monte-carlo' : 'historical';
  return { kind: 'risk_report', method, confidence: confidence ? Number(confidence[1]) / 100 : 0.99, horizonDays: horizon ? Number(horizon[1]) : 1 };
}

const STEP_SEPARATOR = /\s*(?:;|,?\s+and then\s+|,\s*then\s+|\.\s+then\s+|\s+then\s+)\s*/i;

/**
 * Split a request into steps ("backtest … on AAPL, then buy 10 AAPL") when every part is a
 * command the planner knows; otherwise the whole request is one step. Quoted text never splits.
 * @example splitSteps('show my positions; risk report') // ['show my positions', 'risk report']
 */
export function splitSteps(request: string): string[] {
  if (instructionText(request) !== request) return [request];
  const parts = request.split(STEP_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2 || parts.some((part) => parseIntent(part).kind === 'unknown')) return [request];
  return parts;
}

function parseBacktest(text: string, lower: string): Intent {
  const pair = /\b(\d{1,4})\s*[/x,-]\s*(\d{1,4})\b/.exec(text) ?? /fast\D{0,3}(\d{1,4}).*slow\D{0,3}(\d{1,4})/i.exec(text);
  const years = /\b(?:last|past)\s+(\d{1,2})\s+years?\b/.exec(lower) ?? /\b(\d{1,2})\s*y(?:ears?)?\b/.exec(lower);
  const from = /\bfrom\s+(\d{4}-\d{2}-\d{2})\b/.exec(lower);
  const to = /\bto\s+(\d{4}-\d{2}-\d{2})\b/.exec(lower);
  return {
    kind: 'backtest',
    symbol: findSymbol(text.replace(/\bSMA\b|\bEMA\b/gi, ' ')),
    strategy: /\bema\b/.test(lower) ? 'ema_crossover' : 'sma_crossover',
    fast: pair ? Number(pair[1]) : 10,
    slow: pair ? Number(pair[2]) : 30,
    years: years ? Number(years[1]) : from ? null : 5,
    from: from?.[1] ?? null,
    to: to?.[1] ?? null,
  };
}

function parseOrder(text: string, side: 'buy' | 'sell'): Intent {
  const afterSide = text.slice(text.toLowerCase().indexOf(side) + side.length);
  const quantity = /^\s+(\d+(?:\.\d+)?)\b/.exec(afterSide)?.[1] ?? /\b(\d+(?:\.\d+)?)\s+shares?\b/i.exec(text)?.[1] ?? null;
  const limitPrice = /\b(?:limit|at)\s+\$?(\d+(?:\.\d+)?)\b/i.exec(afterSide)?.[1] ?? null;
  const spelled = /^\s*(?:\d+(?:\.\d+)?\s+)?(?:shares?\s+(?:of\s+)?)?\$?([A-Za-z][A-Za-z.]{0,9})\b/.exec(afterSide)?.[1];
  const fallback = spelled && !NOT_TICKERS.has(spelled.toUpperCase()) ? spelled.toUpperCase() : null;
  return { kind: 'order', side, symbol: findSymbol(afterSide) ?? fallback, quantity, limitPrice };
}
