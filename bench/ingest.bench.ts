/**
 * CSV import throughput: 100,000 Yahoo-format rows parsed and validated (rows per second), then
 * merged into the embedded and the server database: first as inserts, then again as an
 * idempotent re-import where every row is unchanged.
 */
import { createBarImportStore } from '../db/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { generateSyntheticBars, parseBarCsv, validateBars } from '../tools/market/index.ts';

const ROWS = 100_000;

/** ~100k weekdays of synthetic bars from 1640 as Yahoo CSV text. */
function csvText(): string {
  const series = generateSyntheticBars({ symbol: 'BENCH', seed: 7, startDate: '1640-01-02', endDate: '2025-12-31', initialPrice: 100, annualDrift: 0.05, annualVolatility: 0.2 });
  const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  const start = series.dates.length - ROWS;
  for (let index = start; index < series.dates.length; index++) {
    lines.push(`${series.dates[index]},${series.open[index]},${series.high[index]},${series.low[index]},${series.close[index]},${series.close[index]},${series.volume[index]}`);
  }
  return `${lines.join('\n')}\n`;
}

function report(label: string, rows: number, milliseconds: number): void {
  console.log(`${label.padEnd(42)} ${Math.round(rows / (milliseconds / 1000)).toLocaleString('en-US').padStart(10)} rows/s (n=${rows.toLocaleString('en-US')}, ${milliseconds.toFixed(0)} ms)`);
}

export default async function bench(): Promise<void> {
  const text = csvText();
  const parse = () => {
    const parsed = parseBarCsv(text, { format: 'yahoo' });
    return validateBars('BENCH', parsed.candidates, { columns: parsed.columns });
  };
  parse(); // warm-up
  let best = Number.POSITIVE_INFINITY;
  let validated = parse();
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    validated = parse();
    best = Math.min(best, performance.now() - started);
  }
  report('CSV parse + validate (best of 3)', ROWS, best);
  console.log(`  ${validated.series.dates.length.toLocaleString('en-US')} rows kept, ${validated.issues.length} issue(s)`);
  for (const kind of testDatabaseKinds) {
    const db = await openTestDatabase(kind);
    try {
      const store = createBarImportStore(db);
      let started = performance.now();
      const inserted = await store.mergeBars(validated.series);
      report(`upsert into ${kind} (all inserted: ${inserted.inserted.toLocaleString('en-US')})`, ROWS, performance.now() - started);
      started = performance.now();
      const again = await store.mergeBars(validated.series);
      report(`re-import into ${kind} (unchanged: ${again.unchanged.toLocaleString('en-US')})`, ROWS, performance.now() - started);
    } finally {
      await db.close();
    }
  }
}
