import type { BarSeries } from '../core/index.ts';
import { createRng } from '../tools/market/index.ts';
import { getStrategy } from '../tools/strategy/index.ts';
import { bootstrapTrades, restrict, searchParameters, specBacktester } from '../tools/strategy-lab/index.ts';

const BARS = 100_000;

/** A seeded random walk of daily-looking bars (the engine does not read the dates). */
function generateSeries(count: number): BarSeries {
  const random = createRng(7);
  const series: BarSeries = {
    symbol: 'BENCH', dates: new Array<string>(count).fill('2024-01-02'),
    open: new Float64Array(count), high: new Float64Array(count), low: new Float64Array(count), close: new Float64Array(count), volume: new Float64Array(count).fill(1_000),
  };
  let price = 100;
  for (let index = 0; index < count; index++) {
    series.open[index] = price;
    price = Math.max(1, price * (1 + (random() - 0.5) * 0.02));
    series.high[index] = Math.max(series.open[index], price) * 1.002;
    series.low[index] = Math.min(series.open[index], price) * 0.998;
    series.close[index] = price;
  }
  return series;
}

function timed<T>(run: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** Strategy lab over 100,000 bars: a 10×10 SMA crossover grid (sets/s), a genetic search (evaluations/s), a 2,000-draw trade bootstrap. */
export default async function bench(): Promise<void> {
  const series = generateSeries(BARS);
  const spec = getStrategy('sma_crossover');
  const evaluate = restrict(specBacktester(series, spec, { initialCash: 100_000, commissionRate: 0.001 }));
  const objective = { metric: 'sharpe', direction: 'maximize' } as const;
  evaluate({ fast: 10, slow: 30 }); // warm-up

  const ranges = { fast: { min: 5, max: 50, step: 5 }, slow: { min: 60, max: 240, step: 20 } };
  const grid = timed(() => searchParameters(evaluate, spec, { method: 'grid', objective, ranges }));
  const sets = grid.value.evaluated;
  console.log(`grid ${sets} sets × ${BARS} bars        ${(sets / grid.seconds).toFixed(1).padStart(7)} sets/s  ${((sets * BARS) / grid.seconds / 1e6).toFixed(1).padStart(6)} M set-bars/s (${grid.seconds.toFixed(2)} s)`);

  const genetic = timed(() => searchParameters(evaluate, spec, { method: 'genetic', objective, ranges: { fast: { min: 2, max: 60 }, slow: { min: 50, max: 300 } }, seed: 1, genetic: { population: 16, generations: 6 } }));
  console.log(`genetic 16 × 6 (${genetic.value.evaluated} distinct)    ${(genetic.value.evaluated / genetic.seconds).toFixed(1).padStart(7)} evaluations/s (${genetic.seconds.toFixed(2)} s)`);

  const trades = evaluate(grid.value.best!.params).trades.map((trade) => trade.returnPct);
  const bootstrap = timed(() => bootstrapTrades(trades, { samples: 2000, seed: 1 }));
  console.log(`bootstrap 2000 × ${trades.length} trades     ${(2000 / bootstrap.seconds).toFixed(0).padStart(7)} resamples/s (${bootstrap.seconds.toFixed(3)} s)`);
}
