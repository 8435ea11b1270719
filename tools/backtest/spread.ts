import type { BarSeries } from '../../core/index.ts';

/**
 * The spread A − β × B on the dates both legs have a bar, with β fixed or, for { rolling: n },
 * the OLS slope of A's closes on B's over the n bars up to each date (NaN before). Open and
 * close are spreads of opens and closes; high and low their max and min; volume the smaller.
 * `barIndex` gives each spread bar's index in A's own series.
 *
 * @example spreadSeries(ko, pep, { rolling: 60 }).series.close
 */
export function spreadSeries(legA: BarSeries, legB: BarSeries, hedgeRatio: number | { rolling: number }): { series: BarSeries; hedge: Float64Array; barIndex: number[] } {
  const indexB = new Map(legB.dates.map((date, index) => [date, index]));
  const pairs: [number, number][] = [];
  legA.dates.forEach((date, index) => {
    const other = indexB.get(date);
    if (other !== undefined) pairs.push([index, other]);
  });
  const count = pairs.length;
  const column = (pick: (a: number, b: number) => number) => Float64Array.from(pairs, ([a, b]) => pick(a, b));
  const closeA = column((a) => legA.close[a]);
  const closeB = column((_a, b) => legB.close[b]);
  const beta = typeof hedgeRatio === 'number' ? new Float64Array(count).fill(hedgeRatio) : rollingBeta(closeA, closeB, hedgeRatio.rolling);
  // Indicators carry a NaN forward, so the spread starts where the hedge ratio is known.
  const start = Math.max(0, beta.findIndex(Number.isFinite));
  return spreadFrom(legA, legB, pairs.slice(start), beta.subarray(start));
}

function spreadFrom(legA: BarSeries, legB: BarSeries, pairs: [number, number][], hedge: Float64Array): { series: BarSeries; hedge: Float64Array; barIndex: number[] } {
  const column = (pick: (a: number, b: number) => number) => Float64Array.from(pairs, ([a, b]) => pick(a, b));
  const closeB = column((_a, b) => legB.close[b]);
  const open = column((a, b) => legA.open[a]).map((value, index) => value - hedge[index] * legB.open[pairs[index][1]]);
  const close = column((a) => legA.close[a]).map((value, index) => value - hedge[index] * closeB[index]);
  return {
    series: {
      symbol: `${legA.symbol}-${legB.symbol}`, dates: pairs.map(([a]) => legA.dates[a]), open, close,
      high: open.map((value, index) => Math.max(value, close[index])), low: open.map((value, index) => Math.min(value, close[index])),
      volume: column((a, b) => Math.min(legA.volume[a], legB.volume[b])),
    },
    hedge: Float64Array.from(hedge),
    barIndex: pairs.map(([a]) => a),
  };
}

/** OLS slope of y on x over a trailing window (NaN until the window is full). */
function rollingBeta(y: Float64Array, x: Float64Array, window: number): Float64Array {
  const result = new Float64Array(y.length).fill(Number.NaN);
  for (let end = window - 1; end < y.length; end++) {
    let meanX = 0;
    let meanY = 0;
    for (let index = end - window + 1; index <= end; index++) {
      meanX += x[index] / window;
      meanY += y[index] / window;
    }
    let covariance = 0;
    let variance = 0;
    for (let index = end - window + 1; index <= end; index++) {
      covariance += (x[index] - meanX) * (y[index] - meanY);
      variance += (x[index] - meanX) ** 2;
    }
    result[end] = variance > 0 ? covariance / variance : Number.NaN;
  }
  return result;
}
