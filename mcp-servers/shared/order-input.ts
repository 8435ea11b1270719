import { z } from 'zod';
import { OrderSideSchema, OrderTypeSchema, PositiveDecimalSchema, SymbolSchema, TimeInForceSchema } from '../../core/index.ts';

/** The order fields every order tool takes, described for a model. */
export const orderFieldsInput = {
  symbol: SymbolSchema.describe('Ticker, e.g. AAPL'),
  side: OrderSideSchema.describe('"buy" or "sell"'),
  quantity: PositiveDecimalSchema.describe('Shares, > 0, as a number or decimal string, e.g. 10'),
  type: OrderTypeSchema.default('market').describe('"market" (default), "limit", "stop" or "stop_limit"'),
  limitPrice: PositiveDecimalSchema.optional().describe('USD; required for limit and stop_limit orders, refused for others'),
  stopPrice: PositiveDecimalSchema.optional().describe('USD trigger price; required for stop and stop_limit orders, refused for others'),
  timeInForce: TimeInForceSchema.optional().describe('"day" (default: expires at the session end) or "gtc" (good till cancelled)'),
};

export const orderOutput = z.object({
  clientOrderId: z.string(), symbol: z.string(), side: z.string(), quantity: z.string(), type: z.string(), limitPrice: z.string().optional(),
  stopPrice: z.string().optional(), timeInForce: z.string().optional(),
});
