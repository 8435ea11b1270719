import { Decimal, type OrderRequest, type RiskLimits } from '../core/index.ts';
import { RISK_RULES, checkOrder, type RiskSnapshot } from '../tools/risk/index.ts';
import { percentile } from './stats.ts';

const POSITIONS = 500;
const RUNS = 20_000;

/** Pre-trade check latency: every rule over a 500-position book, in microseconds (target p99 < 50 µs). */
export default async function bench(): Promise<void> {
  const symbols = Array.from({ length: POSITIONS }, (_, index) => `S${String(index).padStart(3, '0')}`);
  const limits: RiskLimits = {
    maxOrderNotional: '250000', maxPositionQuantity: '100000', restrictedSymbols: ['GME', 'AMC'], maxPositionFraction: '0.05',
    sectorMap: Object.fromEntries(symbols.map((symbol, index) => [symbol, `SECTOR${index % 11}`])), maxOrdersPerMinute: 600,
  };
  const orders: OrderRequest[] = symbols.map((symbol, index) => ({ clientOrderId: `co_${index}`, symbol, side: index % 3 === 0 ? 'sell' : 'buy', quantity: String(1 + (index % 50)), type: index % 4 === 0 ? 'limit' : 'market', limitPrice: index % 4 === 0 ? `${100 + (index % 40)}.25` : undefined }));
  const lastPrices = symbols.map((_, index) => Decimal.from(`${100 + (index % 40)}.5`));
  const snapshot = (): RiskSnapshot => ({
    now: new Date('2025-06-02T15:00:00Z'),
    cash: Decimal.from('5000000'),
    positions: symbols.map((symbol, index) => ({ symbol, quantity: Decimal.from(String((index % 7 === 0 ? -1 : 1) * (100 + index))), mark: lastPrices[index] })),
    startOfDayEquity: Decimal.from('20000000'), equityHighWaterMark: Decimal.from('21000000'),
    recentOrderTimes: Array.from({ length: 30 }, (_, index) => Date.parse('2025-06-02T15:00:00Z') - index * 2_500),
    killSwitch: { active: false, reason: null },
  });
  const run = (fresh: boolean) => {
    const shared = snapshot();
    const micros: number[] = [];
    let approved = 0;
    for (let repeat = 0; repeat < RUNS; repeat++) {
      const index = (repeat * 7919) % POSITIONS;
      const book = fresh ? snapshot() : shared;
      const started = process.hrtime.bigint();
      const result = checkOrder({ order: orders[index], market: { lastPrice: lastPrices[index] }, snapshot: book, limits });
      micros.push(Number(process.hrtime.bigint() - started) / 1000);
      if (result.approved) approved++;
    }
    return { micros: micros.slice(RUNS / 10), approved };
  };
  const show = (label: string, { micros, approved }: ReturnType<typeof run>) =>
    console.log(`${label}: p50 ${percentile(micros, 0.5).toFixed(1)} µs, p99 ${percentile(micros, 0.99).toFixed(1)} µs, max ${Math.max(...micros).toFixed(0)} µs (n=${micros.length}, ${approved} approved)`);
  console.log(`pre-trade check, ${RISK_RULES.length} rules, ${POSITIONS} positions, exact decimals:`);
  show('  orders against one snapshot (portfolio sums cached per snapshot; target p99 < 50 µs)', run(false));
  show('  a fresh snapshot per order (sums over all 500 positions each time)', run(true));
}
