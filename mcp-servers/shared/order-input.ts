import { z } from 'zod';
import { OrderSideSchema, OrderTypeSchema, PositiveDecimalSchema, SymbolSchema } from '../../core/index.ts';

/** The order fields every order tool takes, described for a model. */
export const orderFieldsInput = {
  symbol: SymbolSchema.describe('Ticker, e.g. AAPL'),
  side: OrderSideSchema.describe('"buy" or "sell"'),
  quantity: PositiveDecimalSchema.describe('Shares, > 0, as a number or decimal string, e.g. 10'),
  type: OrderTypeSchema.default('market').describe('"market" (default) or "limit"'),
  limitPrice: PositiveDecimalSchema.optional().describe('Required for limit orders, USD'),
};

export const orderOutput = z.object({
  clientOrderId: z.string(), symbol: z.string(), side: z.string(), quantity: z.string(), type: z.string(), limitPrice: z.string().optional(),
});
