import { describe, expect, it } from 'vitest';
import { DeskError, type BrokerExecution, type Order } from '../../core/index.ts';
import { createPaperBroker } from './paper-broker.ts';

const baseOrder: Order = {
  id: 'ord_000001', clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'market', limitPrice: null,
  status: 'new', filledQuantity: '0', averagePrice: null, rejectReason: null, threadId: null,
  createdAt: '2025-06-02T14:30:00.000Z', updatedAt: '2025-06-02T14:30:00.000Z',
};

const broker = createPaperBroker({
  prices: async (symbol) => (symbol === 'AAPL' ? { price: 187.43, date: '2025-05-30' } : null),
  slippageBps: 2,
  commissionRate: 0.0005,
});

function filled(execution: BrokerExecution): { quantity: string; price: string; commission: string } {
  if (execution.status !== 'filled') throw new DeskError('broker_rejected', `expected a fill, got ${execution.reason}`);
  const [fill] = execution.fills;
  return { quantity: fill.quantity.toString(), price: fill.price.toString(), commission: fill.commission.toString() };
}

describe('createPaperBroker', () => {
  it('fills a market buy in full at the price plus slippage, rounded to 4 decimals', async () => {
    // 187.43 × 1.0002 = 187.467486 -> 187.4675; commission 0.0005 × 1874.675 = 0.9373375 -> 0.94
    expect(filled(await broker.submit(baseOrder))).toEqual({ quantity: '10', price: '187.4675', commission: '0.94' });
  });

  it('fills a market sell at the price minus slippage', async () => {
    // 187.43 × 0.9998 = 187.392514 -> 187.3925; commission 0.0005 × 1873.925 = 0.9369625 -> 0.94
    expect(filled(await broker.submit({ ...baseOrder, side: 'sell' }))).toEqual({ quantity: '10', price: '187.3925', commission: '0.94' });
  });

  it('rejects an order for a symbol without a price', async () => {
    expect(await broker.submit({ ...baseOrder, symbol: 'ZZZZ' })).toEqual({ status: 'rejected', reason: 'no market price for ZZZZ' });
  });

  it('fills a marketable limit buy without paying more than the limit', async () => {
    const execution = await broker.submit({ ...baseOrder, type: 'limit', limitPrice: '187.45' });
    expect(filled(execution).price).toBe('187.45');
    const roomy = await broker.submit({ ...baseOrder, type: 'limit', limitPrice: '190' });
    expect(filled(roomy).price).toBe('187.4675');
  });

  it('fills a marketable limit sell without receiving less than the limit', async () => {
    expect(filled(await broker.submit({ ...baseOrder, side: 'sell', type: 'limit', limitPrice: '187.43' })).price).toBe('187.43');
  });

  it('rejects a limit order that is not marketable', async () => {
    expect(await broker.submit({ ...baseOrder, type: 'limit', limitPrice: '180' })).toEqual({
      status: 'rejected', reason: 'limit buy at 180 is not marketable: market price 187.43 is above the limit',
    });
    expect(await broker.submit({ ...baseOrder, side: 'sell', type: 'limit', limitPrice: '190' })).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/below the limit/) });
  });

  it('refuses negative slippage or commission at creation', () => {
    expect(() => createPaperBroker({ prices: async () => null, slippageBps: -1, commissionRate: 0 })).toThrow(/slippageBps must be a number >= 0/);
    expect(() => createPaperBroker({ prices: async () => null, slippageBps: 0, commissionRate: Number.NaN })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
