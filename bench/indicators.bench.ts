import * as indicators from '../tools/indicators/index.ts';
import { createRng } from '../tools/market/index.ts';

const BARS = 1_000_000;
const RUNS = 3;

/** A seeded random walk of OHLCV bars, so every run measures the same data. */
function generateBars(count: number) {
  const random = createRng(20240101);
  const high = new Float64Array(count);
  const low = new Float64Array(count);
  const close = new Float64Array(count);
  const volume = new Float64Array(count);
  const session = new Int32Array(count);
  let price = 100;
  for (let index = 0; index < count; index++) {
    const open = price;
    price = Math.max(1, price * (1 + (random() - 0.5) * 0.02));
    high[index] = Math.max(open, price) * (1 + random() * 0.005);
    low[index] = Math.min(open, price) * (1 - random() * 0.005);
    close[index] = price;
    volume[index] = 1_000 + Math.floor(random() * 10_000);
    session[index] = Math.floor(index / 390); // one session per 390 one-minute bars
  }
  return { high, low, close, volume, session };
}

/** Throughput of each indicator over 1,000,000 generated bars (best of 3 runs after a warm-up). */
export default async function bench(): Promise<void> {
  const bars = generateBars(BARS);
  const { close, volume } = bars;
  const cases: Array<[string, () => unknown]> = [
    ['sma(20)', () => indicators.sma(close, 20)],
    ['ema(20)', () => indicators.ema(close, 20)],
    ['wma(20)', () => indicators.wma(close, 20)],
    ['rsi(14)', () => indicators.rsi(close, 14)],
    ['macd(12,26,9)', () => indicators.macd(close)],
    ['bollinger(20,2)', () => indicators.bollinger(close)],
    ['atr(14)', () => indicators.atr(bars, 14)],
    ['stochastic(14,3,3)', () => indicators.stochastic(bars)],
    ['adx(14)', () => indicators.adx(bars, 14)],
    ['cci(20) [O(n·period)]', () => indicators.cci(bars, 20)],
    ['obv', () => indicators.obv(close, volume)],
    ['vwap (session reset)', () => indicators.vwap(bars)],
    ['roc(10)', () => indicators.roc(close, 10)],
    ['rollingZScore(20)', () => indicators.rollingZScore(close, 20)],
    ['rollingStd(20)', () => indicators.rollingStd(close, 20)],
    ['rollingMin(20)', () => indicators.rollingMin(close, 20)],
    ['rollingMax(20)', () => indicators.rollingMax(close, 20)],
  ];
  for (const [label, run] of cases) {
    run();
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < RUNS; attempt++) {
      const started = performance.now();
      run();
      best = Math.min(best, performance.now() - started);
    }
    const millionsPerSecond = BARS / 1e6 / (best / 1000);
    console.log(`${label.padEnd(24)} ${millionsPerSecond.toFixed(1).padStart(7)} M bars/s (${best.toFixed(1)} ms per 1M bars)`);
  }
}
