import { DeskError, IsoDateSchema, SymbolSchema, type PriceTableInput } from '../../core/index.ts';

/**
 * Parse a wide price CSV: a header `date,TICKER,...`, then one row per date (YYYY-MM-DD,
 * ascending) with a price > 0 per ticker or an empty cell where the asset had not listed.
 * Strict: any other cell is a parse_error naming its line and column.
 *
 * @example
 * parseWidePriceCsv('date,AAPL,MSFT\n2024-01-02,185.6,\n2024-01-03,184.2,370.9\n');
 * // { dates: ['2024-01-02', '2024-01-03'], tickers: ['AAPL', 'MSFT'], prices: [[185.6, null], [184.2, 370.9]] }
 */
export function parseWidePriceCsv(text: string, source = 'prices'): PriceTableInput {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const fail = (line: number, message: string): never => {
    throw new DeskError('parse_error', `${source}:${line}: ${message}`, { line });
  };
  if (lines.length === 0) fail(1, 'empty file; expected a header "date,TICKER,..."');
  const header = lines[0].split(',').map((cell) => cell.trim());
  if (header[0].toLowerCase() !== 'date') fail(1, `first column must be "date" (got "${header[0]}")`);
  if (header.length < 2) fail(1, 'expected at least one ticker column after date');
  const tickers = header.slice(1).map((cell, index) => {
    const parsed = SymbolSchema.safeParse(cell);
    return parsed.success ? parsed.data : fail(1, `column ${index + 2} "${cell}" is not a ticker (letters, digits, "." or "-")`);
  });
  const duplicate = tickers.find((ticker, index) => tickers.indexOf(ticker) !== index);
  if (duplicate) fail(1, `ticker ${duplicate} appears twice`);
  const dates: string[] = [];
  const prices = lines.slice(1).map((line, offset) => {
    const number = offset + 2;
    const cells = line.split(',').map((cell) => cell.trim());
    if (cells.length !== header.length) fail(number, `expected ${header.length} cells (date + ${tickers.length} tickers), got ${cells.length}`);
    if (!IsoDateSchema.safeParse(cells[0]).success || Number.isNaN(Date.parse(cells[0]))) fail(number, `date "${cells[0]}" must be YYYY-MM-DD`);
    if (dates.length > 0 && cells[0] <= dates[dates.length - 1]) fail(number, `date ${cells[0]} must come after ${dates[dates.length - 1]} (ascending, no repeats)`);
    dates.push(cells[0]);
    return cells.slice(1).map((cell, column) => parsePrice(cell, () => fail(number, `${tickers[column]} price "${cell}" must be a number > 0 or empty`)));
  });
  if (dates.length < 3) fail(lines.length, `need at least 3 dated rows for returns and a covariance (got ${dates.length})`);
  return { dates, tickers, prices };
}

function parsePrice(cell: string, refuse: () => never): number | null {
  if (cell === '') return null;
  if (!/^\d+(\.\d+)?$/.test(cell)) refuse();
  const value = Number(cell);
  return value > 0 && Number.isFinite(value) ? value : refuse();
}
