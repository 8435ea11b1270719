import { DeskError } from '../../core/index.ts';

/** A wide price table: `prices[dateIndex][tickerIndex]`, null before an asset listed. */
export type PriceTable = { dates: string[]; tickers: string[]; prices: Array<Array<number | null>> };

/** Simple daily returns, `returns[rowIndex][tickerIndex]`; row i is the change into dates[i]. */
export type ReturnsTable = { dates: string[]; tickers: string[]; returns: Array<Array<number | null>> };

/** Trading days a year, the default annualization factor (PyPortfolioOpt's `frequency`). */
export const TRADING_DAYS = 252;

/**
 * Simple returns p[t] / p[t-1] - 1, only where both prices exist (null elsewhere). Rows where
 * no asset has a return are dropped, as PyPortfolioOpt's `dropna(how="all")` does.
 *
 * @example
 * returnsFromPrices({ dates: ['d1', 'd2'], tickers: ['A'], prices: [[100], [110]] });
 * // { dates: ['d2'], tickers: ['A'], returns: [[0.1]] } (0.1 up to rounding)
 */
export function returnsFromPrices(table: PriceTable): ReturnsTable {
  validatePriceTable(table);
  const dates: string[] = [];
  const returns: Array<Array<number | null>> = [];
  for (let row = 1; row < table.prices.length; row++) {
    const previous = table.prices[row - 1];
    const values = table.prices[row].map((price, column) => {
      const before = previous[column];
      return price === null || before === null ? null : price / before - 1;
    });
    if (values.some((value) => value !== null)) {
      dates.push(table.dates[row]);
      returns.push(values);
    }
  }
  return { dates, tickers: [...table.tickers], returns };
}

/**
 * Simple returns of one price series (e.g. a benchmark), null where either price is missing.
 *
 * @example
 * seriesReturns([100, 110, null, 121]); // [0.1, null, null] (0.1 up to rounding)
 */
export function seriesReturns(prices: Array<number | null>): Array<number | null> {
  return prices.slice(1).map((price, index) => {
    const before = prices[index];
    return price === null || before === null ? null : price / before - 1;
  });
}

/**
 * Non-null values of one column, the raw material of every per-asset statistic.
 *
 * @example
 * columnValues({ dates: ['a', 'b'], tickers: ['X'], returns: [[null], [0.01]] }, 0); // [0.01]
 */
export function columnValues(table: ReturnsTable, column: number): number[] {
  const values: number[] = [];
  for (const row of table.returns) {
    const value = row[column];
    if (value !== null) values.push(value);
  }
  return values;
}

function validatePriceTable(table: PriceTable): void {
  if (table.prices.length !== table.dates.length) {
    throw new DeskError('invalid_input', `prices must have one row per date (${table.dates.length} dates, ${table.prices.length} rows)`, { field: 'prices' });
  }
  if (new Set(table.tickers).size !== table.tickers.length || table.tickers.length === 0) {
    throw new DeskError('invalid_input', 'tickers must be a non-empty list without duplicates', { field: 'tickers' });
  }
  table.prices.forEach((row, rowIndex) => {
    if (row.length !== table.tickers.length) {
      throw new DeskError('invalid_input', `prices[${rowIndex}] must have one entry per ticker (${table.tickers.length}, got ${row.length})`, { field: 'prices' });
    }
    row.forEach((price, column) => {
      if (price !== null && !(Number.isFinite(price) && price > 0)) {
        throw new DeskError('invalid_number', `prices[${rowIndex}][${column}] (${table.tickers[column]} on ${table.dates[rowIndex]}) must be a finite price > 0 or null (got ${price})`, { field: 'prices', row: rowIndex, column });
      }
    });
  });
}
