import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { DeskError, type DateRange, type FetchBarsOptions, type FetchedBars, type MarketDataSource } from '../../core/index.ts';
import { parseBarCsv, validateBars, type ColumnMap, type CsvFormat } from '../../tools/market/index.ts';

/** Which file to read and how its columns are laid out. */
export interface CsvFileSpec {
  path: string;
  format: CsvFormat;
  columns?: ColumnMap;
}

/**
 * A CSV file of daily bars as a source. With `root`, the path must lie inside that directory
 * (relative paths resolve against it): a model asking for /etc/passwd gets a DeskError, not the
 * file's lines quoted back in parse errors. The range is ignored: a file is imported whole.
 *
 * @example
 * const source = createCsvFileSource({ path: 'aapl.csv', format: 'yahoo' }, { root: '/desk/data' });
 * const { series, issues } = await source.fetchBars('AAPL', {});
 */
export function createCsvFileSource(spec: CsvFileSpec, options: { root?: string } = {}): MarketDataSource {
  const path = resolvePath(spec.path, options.root);
  return {
    name: 'csv',
    network: false,
    fetchBars: async (symbol: string, _range: DateRange, fetchOptions: FetchBarsOptions = {}): Promise<FetchedBars> => {
      const text = await readFile(path, { encoding: 'utf8', signal: fetchOptions.signal }).catch((error: NodeJS.ErrnoException) => {
        throw new DeskError(error.code === 'ENOENT' ? 'not_found' : 'invalid_input', `cannot read CSV file ${spec.path}: ${error.message}`, { field: 'path' }, { cause: error });
      });
      const parsed = parseBarCsv(text, { format: spec.format, columns: spec.columns });
      fetchOptions.onProgress?.({ symbol, phase: 'fetch', rows: parsed.rowsRead, total: parsed.rowsRead });
      const { series, issues } = validateBars(symbol, parsed.candidates, { columns: parsed.columns });
      return { series, issues: [...parsed.issues, ...issues].sort(byLine), rowsRead: parsed.rowsRead };
    },
  };
}

function resolvePath(path: string, root: string | undefined): string {
  if (root === undefined) return resolve(path);
  const resolved = resolve(root, path);
  const inside = relative(resolve(root), resolved);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new DeskError('invalid_input', `path ${JSON.stringify(path)} is outside the data directory ${root}; put the file there or give a path relative to it`, { field: 'path' });
  }
  return resolved;
}

/** File errors by line, warnings (no line, or the line of an out-of-order row) after them. */
function byLine(left: { severity: string; line?: number }, right: { severity: string; line?: number }): number {
  if (left.severity !== right.severity) return left.severity === 'error' ? -1 : 1;
  return (left.line ?? Number.MAX_SAFE_INTEGER) - (right.line ?? Number.MAX_SAFE_INTEGER);
}
