import { z } from 'zod';
import { DecimalStringSchema, IsoTimestampSchema, NonNegativeDecimalSchema, PositiveDecimalSchema, SymbolSchema } from './common.ts';

export const OrderSideSchema = z.enum(['buy', 'sell']);
export type OrderSide = z.infer<typeof OrderSideSchema>;

/** market: at the next price; limit: at limitPrice or better; stop: market once stopPrice trades; stop_limit: limit once stopPrice trades. */
export const OrderTypeSchema = z.enum(['market', 'limit', 'stop', 'stop_limit']);
export type OrderType = z.infer<typeof OrderTypeSchema>;

/** day: expires at the end of the session it was placed in; gtc: good till cancelled. */
export const TimeInForceSchema = z.enum(['day', 'gtc']);
export type TimeInForce = z.infer<typeof TimeInForceSchema>;

/** Which prices each order type needs (true) and refuses (false). */
const PRICES_BY_TYPE: Record<OrderType, { limitPrice: boolean; stopPrice: boolean }> = {
  market: { limitPrice: false, stopPrice: false },
  limit: { limitPrice: true, stopPrice: false },
  stop: { limitPrice: false, stopPrice: true },
  stop_limit: { limitPrice: true, stopPrice: true },
};

/**
 * What an agent or user asks to trade. Quantities and prices are exact decimal strings.
 * `clientOrderId` makes submission idempotent: the same id is the same order. limitPrice is
 * required for limit and stop_limit and refused otherwise; stopPrice likewise for stop and
 * stop_limit. timeInForce defaults to day when absent.
 */
export const OrderRequestSchema = z
  .object({
    clientOrderId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:\-]+$/, 'clientOrderId may hold letters, digits, _ . : -'),
    symbol: SymbolSchema,
    side: OrderSideSchema,
    quantity: PositiveDecimalSchema,
    type: OrderTypeSchema.default('market'),
    limitPrice: PositiveDecimalSchema.optional(),
    stopPrice: PositiveDecimalSchema.optional(),
    timeInForce: TimeInForceSchema.optional(),
  })
  .superRefine((order, context) => {
    const needs = PRICES_BY_TYPE[order.type];
    for (const field of ['limitPrice', 'stopPrice'] as const) {
      const given = order[field] !== undefined;
      if (needs[field] && !given) context.addIssue({ code: 'custom', path: [field], message: `${field} is required when type is "${order.type}"` });
      if (!needs[field] && given) {
        const allowed = (Object.keys(PRICES_BY_TYPE) as OrderType[]).filter((type) => PRICES_BY_TYPE[type][field]).join(' or ');
        context.addIssue({ code: 'custom', path: [field], message: `${field} is not allowed when type is "${order.type}" (only for ${allowed})` });
      }
    }
  });
export type OrderRequest = z.infer<typeof OrderRequestSchema>;

/**
 * new: stored, not yet acknowledged by the broker; accepted: resting at the broker;
 * partially_filled: some quantity filled, the rest still working; the last four are final.
 */
export const OrderStatusSchema = z.enum(['new', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired']);
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
  stopPrice: DecimalStringSchema.nullable(),
  timeInForce: TimeInForceSchema,
  status: OrderStatusSchema,
  filledQuantity: DecimalStringSchema,
  averagePrice: DecimalStringSchema.nullable(),
  /** Why the order was rejected, cancelled or expired. */
  rejectReason: z.string().nullable(),
  threadId: z.string().nullable(),
  /** The venue that holds the order (broker name), once submitted. */
  broker: z.string().nullable(),
  /** The venue's own id for the order, once acknowledged. */
  brokerOrderId: z.string().nullable(),
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
  /** The venue's id of the execution this fill books (null for fills booked before venues reported ids). */
  executionId: z.string().nullable(),
});
export type Fill = z.infer<typeof FillSchema>;

/** One stored state transition of an order (append-only); fill fields are set when the transition books a fill. */
export const OrderEventSchema = z.object({
  orderId: z.string(),
  seq: z.number().int().min(1),
  fromStatus: OrderStatusSchema.nullable(),
  toStatus: OrderStatusSchema,
  fillId: z.string().nullable(),
  fillQuantity: DecimalStringSchema.nullable(),
  fillPrice: DecimalStringSchema.nullable(),
  commission: DecimalStringSchema.nullable(),
  reason: z.string().nullable(),
  at: IsoTimestampSchema,
});
export type OrderEvent = z.infer<typeof OrderEventSchema>;

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
