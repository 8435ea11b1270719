import { z } from 'zod';
import { DecimalStringSchema, NonNegativeDecimalSchema, SymbolSchema } from './common.ts';
import { OrderRequestSchema } from './orders.ts';

/** Pre-trade limits. Later issues add more rules; each rule is named in results. */
export const RiskLimitsSchema = z.object({
  maxOrderNotional: NonNegativeDecimalSchema,
  maxPositionQuantity: NonNegativeDecimalSchema,
  restrictedSymbols: z.array(SymbolSchema),
});
export type RiskLimits = z.infer<typeof RiskLimitsSchema>;

export const RiskRuleNameSchema = z.enum(['max_order_notional', 'max_position', 'restricted_symbol']);
export type RiskRuleName = z.infer<typeof RiskRuleNameSchema>;

/** One rule's outcome: its limit and the value measured for this order. */
export const RiskRuleResultSchema = z.object({
  rule: RiskRuleNameSchema,
  passed: z.boolean(),
  limit: z.string(),
  measured: z.string(),
  message: z.string(),
});
export type RiskRuleResult = z.infer<typeof RiskRuleResultSchema>;

/** A risk verdict. A denial is a result (approved: false), not an error. */
export const RiskCheckResultSchema = z.object({
  approved: z.boolean(),
  order: OrderRequestSchema,
  referencePrice: DecimalStringSchema,
  notional: DecimalStringSchema,
  rules: z.array(RiskRuleResultSchema),
  violations: z.array(RiskRuleResultSchema),
  /** HMAC approval bound to the order's exact fields; present only when approved. */
  approvalToken: z.string().optional(),
});
export type RiskCheckResult = z.infer<typeof RiskCheckResultSchema>;
