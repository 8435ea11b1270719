import { DeskError, type BarSeries } from '../../core/index.ts';
import { businessDays } from './calendar.ts';
import { createRng, createStandardNormal } from './random.ts';

export interface SyntheticBarsOptions {
  symbol: string;
  seed: number;
  startDate: string;
  endDate: string;
  initialPrice: number;
  /** Long-run expected return per year as a fraction (0.08 = 8%). */
  annualDrift: number;
  /** Long-run volatility per year as a fraction (0.25 = 25%). */
  annualVolatility: number;
}

const TRADING_DAYS = 252;
const STEP_YEARS = 1 / TRADING_DAYS;
/** Daily switching probabilities: calm spells last ~100 days, stressed ones ~20. */
const CALM_TO_STRESSED = 0.01;
const STRESSED_TO_CALM = 0.05;
const STRESSED_SHARE = CALM_TO_STRESSED / (CALM_TO_STRESSED + STRESSED_TO_CALM);
/** Stressed regime: drift 40 points lower, 1.8x the volatility. */
const STRESSED_DRIFT_OFFSET = -0.4;
const STRESSED_VOLATILITY_FACTOR = 1.8;
// Calm figures chosen so the long-run mix matches the requested drift and variance.
const CALM_DRIFT_OFFSET = (-STRESSED_SHARE * STRESSED_DRIFT_OFFSET) / (1 - STRESSED_SHARE);
const CALM_VOLATILITY_FACTOR = Math.sqrt((1 - STRESSED_SHARE * STRESSED_VOLATILITY_FACTOR ** 2) / (1 - STRESSED_SHARE));
/** Overnight gap and intraday range as fractions of the day's volatility. */
const GAP_SCALE = 0.2;
const RANGE_SCALE = 0.5;
const BASE_VOLUME = 2_000_000;

/**
 * Daily bars from geometric Brownian motion with two regimes (calm/bull and stressed/bear,
 * switching as a Markov chain). Open is near the previous close, high and low bracket open and
 * close, prices have 2 decimals and volumes are whole. Same options, same bars, bit for bit.
 *
 * @example
 * const series = generateSyntheticBars({ symbol: 'DEMO', seed: 1, startDate: '2024-01-01',
 *   endDate: '2024-12-31', initialPrice: 100, annualDrift: 0.08, annualVolatility: 0.2 });
 * series.dates.length; // 262 weekdays
 */
export function generateSyntheticBars(options: SyntheticBarsOptions): BarSeries {
  validateOptions(options);
  const dates = businessDays(options.startDate, options.endDate);
  const count = dates.length;
  const series: BarSeries = {
    symbol: options.symbol, dates,
    open: new Float64Array(count), high: new Float64Array(count), low: new Float64Array(count),
    close: new Float64Array(count), volume: new Float64Array(count),
  };
  const random = createRng(options.seed);
  const normal = createStandardNormal(random);
  let stressed = false;
  let previousClose = options.initialPrice;
  for (let index = 0; index < count; index++) {
    stressed = random() < (stressed ? 1 - STRESSED_TO_CALM : CALM_TO_STRESSED);
    const drift = options.annualDrift + (stressed ? STRESSED_DRIFT_OFFSET : CALM_DRIFT_OFFSET);
    const volatility = options.annualVolatility * (stressed ? STRESSED_VOLATILITY_FACTOR : CALM_VOLATILITY_FACTOR);
    const dailyVolatility = volatility * Math.sqrt(STEP_YEARS);
    const logReturn = (drift - volatility ** 2 / 2) * STEP_YEARS + dailyVolatility * normal();
    const open = previousClose * Math.exp(GAP_SCALE * dailyVolatility * normal());
    const close = previousClose * Math.exp(logReturn);
    series.open[index] = roundPrice(open);
    series.close[index] = roundPrice(close);
    series.high[index] = roundPrice(Math.max(open, close) * Math.exp(RANGE_SCALE * dailyVolatility * Math.abs(normal())));
    series.low[index] = roundPrice(Math.min(open, close) * Math.exp(-RANGE_SCALE * dailyVolatility * Math.abs(normal())));
    series.volume[index] = syntheticVolume(normal(), logReturn, dailyVolatility, stressed);
    previousClose = close;
  }
  return series;
}

/** Two decimals, never below one cent. Rounding is monotone, so low <= open, close <= high survives it. */
function roundPrice(price: number): number {
  return Math.max(0.01, Math.round(price * 100) / 100);
}

/** Volume rises with the size of the move and in stressed spells; log-normal noise around a base. */
function syntheticVolume(shock: number, logReturn: number, dailyVolatility: number, stressed: boolean): number {
  const moveFactor = dailyVolatility > 0 ? 1 + 0.3 * Math.abs(logReturn) / dailyVolatility : 1;
  return Math.round(BASE_VOLUME * Math.exp(0.25 * shock) * moveFactor * (stressed ? 1.5 : 1));
}

function validateOptions(options: SyntheticBarsOptions): void {
  const checks: Array<[keyof SyntheticBarsOptions, boolean, string]> = [
    ['initialPrice', Number.isFinite(options.initialPrice) && options.initialPrice > 0, 'a number > 0'],
    ['annualDrift', Number.isFinite(options.annualDrift), 'a finite number'],
    ['annualVolatility', Number.isFinite(options.annualVolatility) && options.annualVolatility >= 0, 'a number >= 0'],
    ['symbol', options.symbol.length > 0, 'a non-empty ticker'],
  ];
  for (const [field, valid, expected] of checks) {
    if (!valid) throw new DeskError('invalid_input', `${field} must be ${expected} (got ${JSON.stringify(options[field])})`, { field });
  }
}
