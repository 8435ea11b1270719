import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type BrokerOrderReport, type Order } from '../../core/index.ts';
import { createPaperBroker, type PaperBroker, type VenueBar } from './paper-broker.ts';
import { createMemoryPaperVenue } from './paper-venue-memory.ts';

const latest: VenueBar = { date: '2025-05-30', open: 186, high: 188, low: 185, close: 187.43, volume: 1_000_000 };
const nextDay = (fields: Partial<VenueBar>): VenueBar => ({ date: '2025-06-02', open: 187, high: 188, low: 186, close: 187, volume: 1_000_000, ...fields });

function order(fields: Partial<Order> = {}): Order {
  return {
    id: 'ord_000001', clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'market', limitPrice: null, stopPrice: null, timeInForce: 'day',
    status: 'new', filledQuantity: '0', averagePrice: null, rejectReason: null, threadId: null, broker: 'paper', brokerOrderId: null,
    createdAt: '2025-06-02T14:30:00.000Z', updatedAt: '2025-06-02T14:30:00.000Z', ...fields,
  };
}

/** The report's fills as plain text: [quantity, price, commission]. */
const fills = (report: BrokerOrderReport) => report.fills.map((fill) => [fill.quantity.toString(), fill.price.toString(), fill.commission.toString()]);

describe('the paper broker', () => {
  let bars: Record<string, VenueBar>;
  let paper: PaperBroker;
  const create = (participationCap?: number) =>
    createPaperBroker({
      venue: createMemoryPaperVenue(), latestBar: async (symbol) => bars[symbol] ?? null, clock: fixedClock('2025-06-02T14:30:00.000Z'),
      slippage: { kind: 'bps', bps: 2 }, commission: { kind: 'percent', rate: 0.0005 }, participationCap,
    });
  beforeEach(() => {
    bars = { AAPL: latest };
    paper = create();
  });

  it('fills a market buy at the latest close plus slippage, rounded to 4 decimals', async () => {
    // 187.43 × 1.0002 = 187.467486 -> 187.4675; commission 0.0005 × 1874.675 = 0.9373375 -> 0.94
    const report = await paper.submit(order());
    expect(report).toMatchObject({ clientOrderId: 'co_1', brokerOrderId: 'paper-co_1', status: 'filled', reason: null });
    expect(fills(report)).toEqual([['10', '187.4675', '0.94']]);
    expect(report.fills[0].executionId).toBe('co_1:1');
  });

  it('fills a market sell at the close minus slippage', async () => {
    // 187.43 × 0.9998 = 187.392514 -> 187.3925
    expect(fills(await paper.submit(order({ side: 'sell' })))).toEqual([['10', '187.3925', '0.94']]);
  });

  it('rejects an order for a symbol without a price, and remembers it', async () => {
    const report = await paper.submit(order({ symbol: 'ZZZZ' }));
    expect(report).toMatchObject({ status: 'rejected', reason: 'no market price for ZZZZ', fills: [] });
    expect(await paper.getOrder('co_1')).toEqual(report);
  });

  it('fills a marketable limit buy without paying more than the limit', async () => {
    expect(fills(await paper.submit(order({ type: 'limit', limitPrice: '187.45' })))[0][1]).toBe('187.45');
    expect(fills(await paper.submit(order({ clientOrderId: 'co_2', type: 'limit', limitPrice: '190' })))[0][1]).toBe('187.4675');
  });

  it('rests a day limit that is not marketable and expires it after a session bar that does not reach the limit', async () => {
    expect(await paper.submit(order({ type: 'limit', limitPrice: '180' }))).toMatchObject({ status: 'accepted', fills: [] });
    const [report] = await paper.processBar('AAPL', nextDay({ open: 182, high: 183, low: 181 }));
    expect(report).toMatchObject({ status: 'expired', reason: 'day order expired at the end of the 2025-06-02 session', fills: [] });
    expect(await paper.processBar('AAPL', nextDay({ date: '2025-06-03', open: 182, high: 183, low: 179, close: 181 }))).toEqual([]);
  });

  it('fills a resting gtc limit at the limit, or at the open when the bar gaps through it', async () => {
    bars.MSFT = { ...latest };
    await paper.submit(order({ type: 'limit', limitPrice: '180', timeInForce: 'gtc' }));
    await paper.submit(order({ clientOrderId: 'co_2', type: 'limit', limitPrice: '180', timeInForce: 'gtc', symbol: 'MSFT' }));
    const [atLimit] = await paper.processBar('AAPL', nextDay({ open: 182, high: 183, low: 179, close: 181 }));
    expect(atLimit.status).toBe('filled');
    expect(fills(atLimit)).toEqual([['10', '180', '0.9']]);
    // MSFT opens at 178, below the limit: 178 × 1.0002 = 178.0356; commission 0.0005 × 1780.356 = 0.890178 -> 0.89
    const [gapped] = await paper.processBar('MSFT', nextDay({ open: 178, high: 179, low: 177, close: 178 }));
    expect(fills(gapped)).toEqual([['10', '178.0356', '0.89']]);
  });

  it('triggers a buy stop when the bar trades through it and fills at the stop plus slippage', async () => {
    expect(await paper.submit(order({ type: 'stop', stopPrice: '190', timeInForce: 'gtc' }))).toMatchObject({ status: 'accepted' });
    // 190 × 1.0002 = 190.038; commission 0.0005 × 1900.38 = 0.95019 -> 0.95
    const [report] = await paper.processBar('AAPL', nextDay({ open: 189, high: 191, low: 188.5, close: 190.5 }));
    expect(fills(report)).toEqual([['10', '190.038', '0.95']]);
  });

  it('fills a sell stop-limit at the stop when it triggers within the limit, never below the limit', async () => {
    await paper.submit(order({ side: 'sell', type: 'stop_limit', stopPrice: '185', limitPrice: '184.5', timeInForce: 'gtc' }));
    // 185 × 0.9998 = 184.963, above the 184.5 limit.
    const [report] = await paper.processBar('AAPL', nextDay({ open: 186, high: 186.5, low: 184, close: 184.2 }));
    expect(fills(report)[0][1]).toBe('184.963');
  });

  it('caps each fill at the participation share of the bar volume and keeps the rest working', async () => {
    paper = create(0.1);
    bars.AAPL = { ...latest, volume: 50 };
    const first = await paper.submit(order({ quantity: '12', timeInForce: 'gtc' }));
    expect(first).toMatchObject({ status: 'partially_filled' });
    expect(first.filledQuantity.toString()).toBe('5');
    const [second] = await paper.processBar('AAPL', nextDay({ open: 188, volume: 50 }));
    expect(fills(second).map(([quantity, price]) => [quantity, price])).toEqual([['5', '187.4675'], ['5', '188.0376']]);
    expect(second.status).toBe('partially_filled');
    const [third] = await paper.processBar('AAPL', nextDay({ date: '2025-06-03', open: 189, volume: 50 }));
    expect(third).toMatchObject({ status: 'filled', reason: null });
    expect(third.fills.map((fill) => fill.executionId)).toEqual(['co_1:1', 'co_1:2', 'co_1:3']);
    // (5 × 187.4675 + 5 × 188.0376 + 2 × 189.0378) / 12
    expect(third.averagePrice?.toString()).toBe('187.96675833');
  });

  it('expires the unfilled rest of a day order after its session bar', async () => {
    paper = create(0.1);
    bars.AAPL = { ...latest, volume: 50 };
    await paper.submit(order({ quantity: '12' }));
    const [report] = await paper.processBar('AAPL', nextDay({ volume: 50 }));
    expect(report).toMatchObject({ status: 'expired', reason: 'day order expired at the end of the 2025-06-02 session' });
    expect(report.filledQuantity.toString()).toBe('10');
  });

  it('evaluates a bar date only once', async () => {
    await paper.submit(order({ type: 'limit', limitPrice: '180', timeInForce: 'gtc' }));
    expect(await paper.processBar('AAPL', nextDay({ low: 181 }))).toEqual([]);
    expect(await paper.processBar('AAPL', nextDay({ low: 170 }))).toEqual([]);
    expect(await paper.processBar('AAPL', latest)).toEqual([]);
    expect((await paper.getOrder('co_1'))?.status).toBe('accepted');
  });

  it('returns the existing order for a repeated clientOrderId instead of a second one', async () => {
    const first = await paper.submit(order());
    expect(await paper.submit(order())).toEqual(first);
    expect(await paper.getPositions()).toEqual([expect.objectContaining({ symbol: 'AAPL' })]);
    expect((await paper.getPositions())[0].quantity.toString()).toBe('10');
  });

  it('cancels a working order, reports a filled one unchanged, and refuses an unknown id', async () => {
    await paper.submit(order({ type: 'limit', limitPrice: '180', timeInForce: 'gtc' }));
    expect(await paper.listOpenOrders()).toHaveLength(1);
    expect(await paper.cancel('co_1', 'changed my mind')).toMatchObject({ status: 'cancelled', reason: 'changed my mind' });
    expect(await paper.listOpenOrders()).toEqual([]);
    await paper.submit(order({ clientOrderId: 'co_2' }));
    expect(await paper.cancel('co_2', 'too late')).toMatchObject({ status: 'filled', reason: null });
    await expect(paper.cancel('co_9', 'x')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('derives its positions from its own executions', async () => {
    await paper.submit(order());
    await paper.submit(order({ clientOrderId: 'co_2', side: 'sell', quantity: '4' }));
    const [position] = await paper.getPositions();
    expect([position.symbol, position.quantity.toString(), position.averagePrice.toString()]).toEqual(['AAPL', '6', '187.4675']);
  });

  it('refuses bad cost models at creation, naming the field', () => {
    const venue = createMemoryPaperVenue();
    const base = { venue, latestBar: async () => null, clock: fixedClock('2025-06-02T14:30:00.000Z'), commission: { kind: 'percent' as const, rate: 0 } };
    expect(() => createPaperBroker({ ...base, slippage: { kind: 'bps', bps: -1 } })).toThrow(/slippage.bps must be a number from 0 to 1000/);
    expect(() => createPaperBroker({ ...base, slippage: { kind: 'bps', bps: 0 }, participationCap: 0 })).toThrow(/participationCap/);
  });
});
