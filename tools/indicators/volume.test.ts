import { describe, expect, it } from 'vitest';
import { expectSeries } from './expect-series.ts';
import { obv, vwap } from './volume.ts';

describe('obv', () => {
  it('adds volume on up closes, subtracts it on down closes and starts from the first volume', () => {
    expectSeries(obv(Float64Array.of(10, 11, 10.5, 10.5, 12), Float64Array.of(100, 200, 50, 70, 10)), [100, 300, 250, 250, 260]);
  });

  it('is empty for no bars', () => {
    expect(obv(new Float64Array(0), new Float64Array(0)).length).toBe(0);
  });
});

describe('vwap', () => {
  const bars = {
    high: Float64Array.of(11, 12, 13),
    low: Float64Array.of(9, 10, 11),
    close: Float64Array.of(10, 11, 12),
    volume: Float64Array.of(100, 300, 200),
  };

  it('weighs typical prices by volume cumulatively', () => {
    // typical 10, 11, 12: 10; (1000 + 3300) / 400; (4300 + 2400) / 600
    expectSeries(vwap(bars), [10, 10.75, 6700 / 600], 12);
  });

  it('restarts the sums when the session key changes', () => {
    expectSeries(vwap({ ...bars, session: ['2024-01-02', '2024-01-02', '2024-01-03'] }), [10, 10.75, 12], 12);
    expectSeries(vwap({ ...bars, session: [1, 2, 2] }), [10, 11, 5700 / 500], 12);
  });

  it('is NaN while no volume has traded', () => {
    expectSeries(vwap({ ...bars, volume: Float64Array.of(0, 0, 5) }), [NaN, NaN, 12]);
  });
});
