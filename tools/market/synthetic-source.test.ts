import { describe, expect, it } from 'vitest';
import { generateDemoMarket } from './demo-universe.ts';
import { createSyntheticSource } from './synthetic-source.ts';

describe('the synthetic source', () => {
  const source = createSyntheticSource({ seed: 42 });

  it('returns exactly the seeded demo market for a range inside it', async () => {
    const demo = generateDemoMarket({ seed: 42 }).find((series) => series.symbol === 'AAPL')!;
    const { series, issues, rowsRead } = await source.fetchBars('aapl', { from: '2025-12-01', to: '2025-12-31' });
    const start = demo.dates.indexOf('2025-12-01');
    expect(series.dates).toEqual(demo.dates.slice(start));
    expect(Array.from(series.close)).toEqual(Array.from(demo.close.slice(start)));
    expect(rowsRead).toBe(23);
    expect(issues).toEqual([]);
  });

  it('extends the same path past 2025-12-31 and serves symbols outside the universe', async () => {
    const extended = await source.fetchBars('AAPL', { from: '2025-12-30', to: '2026-01-02' });
    const demo = generateDemoMarket({ seed: 42 })[0];
    expect(extended.series.dates).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(extended.series.close[1]).toBe(demo.close[demo.close.length - 1]);
    expect((await source.fetchBars('ZZZ', { from: '2025-12-29' })).series.dates).toHaveLength(3);
  });
});
