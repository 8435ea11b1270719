import { randomWalkSeries } from './random-walk.ts';
import { getStrategy } from '../tools/strategy/index.ts';
import { bootstrapTrades, restrict, searchParameters, specBacktester } from '../tools/strategy-lab/index.ts';

const BARS = 100_000;


function timed<T>(run: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** Strategy lab over 100,000 bars: a 10×10 SMA crossover grid (sets/s), a genetic search (evaluations/s), a 2,000-draw trade bootstrap. */
export default async function bench(): Promise<void> {
  const series = randomWalkSeries(BARS, 7);
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
