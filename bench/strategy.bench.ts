import { randomWalkSeries } from './random-walk.ts';
import { runCrossoverBacktest, runSpecBacktest } from '../tools/backtest/index.ts';
import { getStrategy } from '../tools/strategy/index.ts';

const BARS = 1_000_000;
const RUNS = 3;


function best(run: () => unknown): number {
  run();
  let fastest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < RUNS; attempt++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** runSpecBacktest(sma_crossover 10/30) vs runCrossoverBacktest over 1,000,000 bars (best of 3 after a warm-up). */
export default async function bench(): Promise<void> {
  const series = randomWalkSeries(BARS, 20240101);
  const settings = { initialCash: 100_000, commissionRate: 0.001 };
  const spec = getStrategy('sma_crossover');
  const cases: Array<[string, () => unknown]> = [
    ['runCrossoverBacktest sma 10/30', () => runCrossoverBacktest(series, { fast: 10, slow: 30, average: 'sma' }, settings)],
    ['runSpecBacktest sma_crossover', () => runSpecBacktest(series, spec, { fast: 10, slow: 30 }, settings)],
  ];
  const timings: number[] = [];
  for (const [label, run] of cases) {
    const milliseconds = best(run);
    timings.push(milliseconds);
    console.log(`${label.padEnd(32)} ${(BARS / 1e6 / (milliseconds / 1000)).toFixed(2).padStart(6)} M bars/s (${milliseconds.toFixed(0)} ms per 1M bars)`);
  }
  console.log(`spec / crossover time ratio: ${(timings[1] / timings[0]).toFixed(2)}x`);
}
