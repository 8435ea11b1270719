import { z } from 'zod';

/** Output shapes shared by the broker tools. Decimals are exact strings; times ISO UTC. */
export const orderShape = z.object({
  id: z.string(), clientOrderId: z.string(), symbol: z.string(), side: z.string(), quantity: z.string(), type: z.string(),
  limitPrice: z.string().nullable(), stopPrice: z.string().nullable(), timeInForce: z.string(), status: z.string(), filledQuantity: z.string(),
  averagePrice: z.string().nullable(), rejectReason: z.string().nullable(), threadId: z.string().nullable(), broker: z.string().nullable(),
  brokerOrderId: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});

export const fillShape = z.object({
  id: z.string(), orderId: z.string(), symbol: z.string(), side: z.string(), quantity: z.string(), price: z.string(), commission: z.string(),
  filledAt: z.string(), executionId: z.string().nullable(),
});

export const eventShape = z.object({
  orderId: z.string(), seq: z.number(), fromStatus: z.string().nullable(), toStatus: z.string(), fillId: z.string().nullable(),
  fillQuantity: z.string().nullable(), fillPrice: z.string().nullable(), commission: z.string().nullable(), reason: z.string().nullable(), at: z.string(),
});

export const positionShape = z.object({ symbol: z.string(), quantity: z.string(), averagePrice: z.string(), realizedPnl: z.string(), updatedAt: z.string() });

export const readOnly = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;
