import { createParentOrder, parentProgress, twapSchedule, vwapSchedule } from '../tools/execution-algos/index.ts';
import { createRouter, type VenueConfig } from '../tools/routing/index.ts';
import { describeLatencies } from './stats.ts';

const venues: VenueConfig[] = [
  { name: 'paper-lit', fees: { perShare: '0.001', minimum: '0.50' }, liquidity: { kind: 'displayed', size: 2000 }, halfSpreadBps: 1, impactBps: 10, latencyMs: 1 },
  { name: 'paper-deep', fees: { perShare: '0.003', minimum: '2.00' }, liquidity: { kind: 'participation', dailyVolume: 5_000_000, maxParticipation: 0.1 }, halfSpreadBps: 1, impactBps: 10, latencyMs: 3 },
  { name: 'paper-dark', fees: { percentOfValue: '0.002', maximum: '25' }, liquidity: { kind: 'displayed', size: 50_000 }, halfSpreadBps: 0, impactBps: 5, fillProbability: 0.5, latencyMs: 5 },
];

/** Router decisions per second over three venues; TWAP/VWAP slicing and tracking of a 1M-share parent. */
export default async function bench(): Promise<void> {
  const router = createRouter(venues, { missCostBps: 5 });
  const sizes = ['100', '1500', '25000', '400000'];
  for (let warm = 0; warm < 2000; warm++) router.route({ symbol: 'AAPL', side: 'buy', quantity: sizes[warm % 4], price: '187.43' });
  const decisions = 50_000;
  let started = performance.now();
  const chosen = new Map<string, number>();
  for (let index = 0; index < decisions; index++) {
    const decision = router.route({ symbol: 'AAPL', side: index % 2 ? 'buy' : 'sell', quantity: sizes[index % 4], price: '187.43' });
    chosen.set(decision.venue ?? 'none', (chosen.get(decision.venue ?? 'none') ?? 0) + 1);
  }
  let elapsed = performance.now() - started;
  console.log(`router, 3 venues: ${Math.round(decisions / (elapsed / 1000)).toLocaleString('en-US')} decisions/s (${decisions} in ${elapsed.toFixed(0)} ms; chosen ${JSON.stringify(Object.fromEntries(chosen))})`);

  const start = '2025-06-02T13:30:00.000Z';
  for (const slices of [390, 23_400, 1_000_000]) {
    const latencies: number[] = [];
    let children = twapSchedule({ parentId: 'p', quantity: '1000000', slices, start, intervalMs: 1 });
    for (let repeat = 0; repeat < (slices > 100_000 ? 3 : 20); repeat++) {
      started = performance.now();
      children = twapSchedule({ parentId: 'p', quantity: '1000000', slices, start, intervalMs: 23_400_000 / slices });
      latencies.push(performance.now() - started);
    }
    console.log(`TWAP 1,000,000 shares into ${slices.toLocaleString('en-US')} slices: ${describeLatencies(latencies)}; ${children.length} children`);
  }

  const profile = Array.from({ length: 390 }, (_, minute) => ({ start, volume: Math.round(20_000 * (1 + 2 * ((minute - 195) / 195) ** 2)) }));
  started = performance.now();
  const vwap = vwapSchedule({ parentId: 'v', quantity: '1000000', profile });
  console.log(`VWAP 1,000,000 shares over a 390-minute U-shaped profile: ${(performance.now() - started).toFixed(2)} ms; largest child ${Math.max(...vwap.map((child) => Number(child.quantity)))}, smallest ${Math.min(...vwap.map((child) => Number(child.quantity)))}`);

  const minuteSlices = twapSchedule({ parentId: 'p', quantity: '1000000', slices: 23_400, start, intervalMs: 1000 });
  started = performance.now();
  const parent = createParentOrder({ parentId: 'p', symbol: 'AAPL', side: 'buy', algorithm: 'twap', quantity: '1000000' }, minuteSlices);
  const progress = parentProgress(parent);
  elapsed = performance.now() - started;
  console.log(`parent tracking of 23,400 children: create + progress ${elapsed.toFixed(1)} ms (planned ${progress.planned}, remaining ${progress.remaining})`);
}
