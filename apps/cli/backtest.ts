import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DeskError, type BacktestResult, type BacktestSettings, type StrategySpec } from '../../core/index.ts';
import { runSpecBacktest } from '../../tools/backtest/index.ts';
import { sliceSeries } from '../../tools/market/index.ts';
import { getStrategy, parseStrategySpec } from '../../tools/strategy/index.ts';
import { adjustBars, readBarsCsv } from './backtest-csv.ts';

const USAGE = 'desk backtest --csv FILE --symbol SYM --strategy NAME|SPEC.json [--param k=v ...] [--cash N] [--size SHARES] ' +
  '[--commission-pct P] [--from YYYY-MM-DD --to YYYY-MM-DD] [--adjust [--round N]] [--json]';

/**
 * `desk backtest ...`: a spec backtest of one CSV file, no database. --commission-pct is in
 * percent of traded value (0.1 = 0.1%); --size trades that many shares per entry.
 */
export async function backtestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      csv: { type: 'string' }, symbol: { type: 'string' }, strategy: { type: 'string' }, param: { type: 'string', multiple: true },
      cash: { type: 'string' }, size: { type: 'string' }, 'commission-pct': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
      adjust: { type: 'boolean', default: false }, round: { type: 'string' }, json: { type: 'boolean', default: false },
    },
  });
  for (const field of ['csv', 'symbol', 'strategy'] as const) {
    if (!values[field]) throw new DeskError('invalid_input', `--${field} is required: ${USAGE}`, { field });
  }
  const bars = readBarsCsv(readFileSync(values.csv!, 'utf8'), values.symbol!.toUpperCase(), values.csv);
  const round = values.round === undefined ? undefined : wholeNumber('round', values.round, 0);
  if (round !== undefined && !values.adjust) throw new DeskError('invalid_input', '--round applies to --adjust; add --adjust', { field: 'round' });
  const full = values.adjust ? adjustBars(bars, round) : bars.series;
  const series = values.from || values.to ? sliceSeries(full, { from: values.from, to: values.to }) : full;
  let spec = loadSpec(values.strategy!);
  if (values.size !== undefined) spec = { ...spec, sizing: { kind: 'fixed-shares', shares: wholeNumber('size', values.size, 1) } };
  const settings: BacktestSettings = {
    initialCash: values.cash === undefined ? 100_000 : positiveNumber('cash', values.cash),
    commissionRate: values['commission-pct'] === undefined ? 0.001 : nonNegativeNumber('commission-pct', values['commission-pct']) / 100,
  };
  const result = runSpecBacktest(series, spec, parseParams(values.param ?? []), settings);
  console.log(values.json ? JSON.stringify(fullReport(result)) : describe(result));
  return 0;
}

/** A library name, or a path to a spec JSON file (anything ending in .json or containing a slash). */
function loadSpec(strategy: string): StrategySpec {
  if (!strategy.endsWith('.json') && !strategy.includes('/')) return getStrategy(strategy);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(strategy, 'utf8'));
  } catch (error) {
    throw new DeskError('invalid_input', `--strategy ${strategy}: not a readable JSON spec (${(error as Error).message})`, { field: 'strategy' }, { cause: error });
  }
  return parseStrategySpec(value);
}

function parseParams(entries: string[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const entry of entries) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(entry);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value)) throw new DeskError('invalid_input', `--param ${entry}: expected name=number, e.g. --param fast=10`, { field: 'param' });
    params[match[1]] = value;
  }
  return params;
}

function positiveNumber(field: string, text: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value > 0)) throw new DeskError('invalid_input', `--${field} must be a number > 0 (got ${text})`, { field });
  return value;
}

function nonNegativeNumber(field: string, text: string): number {
  const value = Number(text);
  if (!(Number.isFinite(value) && value >= 0)) throw new DeskError('invalid_input', `--${field} must be a number >= 0 (got ${text})`, { field });
  return value;
}

function wholeNumber(field: string, text: string, min: number): number {
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= min)) throw new DeskError('invalid_input', `--${field} must be a whole number >= ${min} (got ${text})`, { field });
  return value;
}

/** What --json prints: the run, final equity and cash, every fill, the trades and the metrics. */
function fullReport(result: BacktestResult) {
  const fills = (result.orders ?? []).flatMap((order) => order.fills.map((fill) => ({ ...fill, side: order.side, reason: order.reason })));
  return {
    symbol: result.symbol, strategy: result.strategy, params: result.params, from: result.from, to: result.to, bars: result.bars, settings: result.settings,
    finalEquity: result.metrics.finalEquity, cash: result.finalCash, positions: result.positions, fills, trades: result.trades, metrics: result.metrics,
  };
}

function describe(result: BacktestResult): string {
  const { metrics } = result;
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
  return [
    `${result.strategy} on ${result.symbol} ${result.from} → ${result.to} (${result.bars} bars) ${JSON.stringify(result.params)}`,
    `final equity ${metrics.finalEquity.toFixed(2)} · cash ${result.finalCash?.toFixed(2)} · total return ${percent(metrics.totalReturn)} · annualized ${percent(metrics.annualizedReturn)}`,
    `Sharpe ${metrics.sharpe.toFixed(2)} · Sortino ${metrics.sortino?.toFixed(2)} · Calmar ${metrics.calmar?.toFixed(2)} · volatility ${percent(metrics.annualizedVolatility)}`,
    `max drawdown ${percent(metrics.maxDrawdown)} over ${metrics.maxDrawdownBars} bars · exposure ${percent(metrics.exposure)} · turnover ${metrics.turnover?.toFixed(2)}/yr`,
    `${metrics.trades} trades · win rate ${percent(metrics.winRate)} · profit factor ${metrics.profitFactor === null ? '∞' : metrics.profitFactor?.toFixed(2)} · average trade ${metrics.averageTrade?.toFixed(2)}`,
    metrics.benchmark ? `buy and hold ${percent(metrics.benchmark.totalReturn)} · alpha ${percent(metrics.benchmark.alpha)} · beta ${metrics.benchmark.beta.toFixed(2)}` : '',
  ].filter(Boolean).join('\n');
}
