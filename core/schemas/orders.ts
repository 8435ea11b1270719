import { z } from 'zod';
import { DecimalStringSchema, IsoTimestampSchema, NonNegativeDecimalSchema, PositiveDecimalSchema, SymbolSchema } from './common.ts';

export const OrderSideSchema = z.enum(['buy', 'sell']);
export type OrderSide = z.infer<typeof OrderSideSchema>;

export const OrderTypeSchema = z.enum(['market', 'limit']);
export type OrderType = z.infer<typeof OrderTypeSchema>;

/**
 * What an agent or user asks to trade. Quantities and prices are exact decimal strings.
 * `clientOrderId` makes submission idempotent: the same id is the same order.
 */
export const OrderRequestSchema = z
  .object({
    clientOrderId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:\-]+$/, 'clientOrderId may hold letters, digits, _ . : -'),
    symbol: SymbolSchema,
    side: OrderSideSchema,
    quantity: PositiveDecimalSchema,
    type: OrderTypeSchema.default('market'),
    limitPrice: PositiveDecimalSchema.optional(),
  })
  .refine((order) => order.type !== 'limit' || order.limitPrice !== undefined, {
    message: 'limitPrice is required when type is "limit"',
    path: ['limitPrice'],
  });
export type OrderRequest = z.infer<typeof OrderRequestSchema>;

export const OrderStatusSchema = z.enum(['new', 'filled', 'rejected', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/** An order as stored: the request plus identity, status and timestamps (UTC). */
export const OrderSchema = z.object({
  id: z.string(),
  clientOrderId: z.string(),
  symbol: SymbolSchema,
  side: OrderSideSchema,
  quantity: DecimalStringSchema,
  type: OrderTypeSchema,
  limitPrice: DecimalStringSchema.nullable(),
  status: OrderStatusSchema,
  filledQuantity: DecimalStringSchema,
  averagePrice: DecimalStringSchema.nullable(),
  rejectReason: z.string().nullable(),
  threadId: z.string().nullable(),
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
});
export type Order = z.infer<typeof OrderSchema>;

export const FillSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  symbol: SymbolSchema,
  side: OrderSideSchema,
  quantity: PositiveDecimalSchema,
  price: PositiveDecimalSchema,
  commission: NonNegativeDecimalSchema,
  filledAt: IsoTimestampSchema,
});
export type Fill = z.infer<typeof FillSchema>;

/** Net position in one symbol; quantity is signed (negative = short). */
export const PositionSchema = z.object({
  symbol: SymbolSchema,
  quantity: DecimalStringSchema,
  averagePrice: DecimalStringSchema,
  realizedPnl: DecimalStringSchema,
  updatedAt: IsoTimestampSchema,
});
export type Position = z.infer<typeof PositionSchema>;

export const AccountSchema = z.object({
  cash: DecimalStringSchema,
  startingCash: DecimalStringSchema,
});
export type Account = z.infer<typeof AccountSchema>;
