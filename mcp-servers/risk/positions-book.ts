import { Decimal, DeskError, type ExecutionStore, type MarketDataStore } from '../../core/index.ts';
import { buildRiskBook, type RiskBook } from '../../tools/portfolio-risk/index.ts';

/** The benchmark betas are measured against. */
export const BENCHMARK = 'SPY';

/** Today's positions as a risk book, with the benchmark's returns on the same days. */
export interface PositionsBook {
  book: RiskBook;
  benchmark: Float64Array;
  from: string;
  to: string;
}

/**
 * Current positions priced at their latest close, with aligned daily simple returns of the last
 * `lookbackDays` days on which every held symbol and the benchmark have a stored bar.
 *
 * @example
 * const { book, benchmark } = await loadPositionsBook({ bars, execution }, 252);
 */
export async function loadPositionsBook(deps: { bars: MarketDataStore; execution: ExecutionStore }, lookbackDays: number): Promise<PositionsBook> {
  const positions = await deps.execution.getPositions();
  if (positions.length === 0) throw new DeskError('invalid_input', 'there are no open positions to measure; buy something first', { field: 'positions' });
  const symbols = positions.map((position) => position.symbol);
  const series = await Promise.all([...symbols, BENCHMARK].map((symbol) => deps.bars.getBars(symbol)));
  const closes = series.map((entry) => new Map(entry.dates.map((date, index) => [date, entry.close[index]] as const)));
  const shared = series[0].dates.filter((date) => closes.every((byDate) => byDate.has(date)));
  const dates = shared.slice(-(lookbackDays + 1));
  if (dates.length < 3) throw new DeskError('insufficient_data', `only ${dates.length} shared dates of ${[...symbols, BENCHMARK].join(', ')}; at least 3 are needed`, { field: 'lookbackDays' });
  const returnsOf = (byDate: Map<string, number>) => Float64Array.from(dates.slice(1), (date, index) => byDate.get(date)! / byDate.get(dates[index])! - 1);
  const histories = Object.fromEntries(symbols.map((symbol, index) => [symbol, returnsOf(closes[index])]));
  const priced = positions.map((position, index) => ({ symbol: position.symbol, quantity: Decimal.from(position.quantity).toNumber(), price: series[index].close[series[index].close.length - 1] }));
  return { book: buildRiskBook(priced, histories), benchmark: returnsOf(closes[closes.length - 1]), from: dates[1], to: dates[dates.length - 1] };
}
