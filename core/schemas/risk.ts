import { z } from 'zod';
import { DecimalStringSchema, IsoTimestampSchema, NonNegativeDecimalSchema, SymbolSchema } from './common.ts';
import { OrderRequestSchema } from './orders.ts';

const SessionTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'session times are HH:MM in UTC, e.g. 13:30');

/**
 * Pre-trade limits. The first three are required (they predate the others); every later limit is
 * optional and takes the default in `RISK_LIMIT_DEFAULTS` when absent. Fractions are of equity
 * (cash plus the marked value of all positions): 0.25 = 25 %.
 */
export const RiskLimitsSchema = z.object({
  /** USD, quantity × (limit price, or reference price for market orders). */
  maxOrderNotional: NonNegativeDecimalSchema,
  /** Shares, |position after the order|. */
  maxPositionQuantity: NonNegativeDecimalSchema,
  restrictedSymbols: z.array(SymbolSchema),
  /** Shares in one order. Default 100000. */
  maxOrderQuantity: NonNegativeDecimalSchema.optional(),
  /** |position after the order| × last price / equity. Default 0.25. */
  maxPositionFraction: NonNegativeDecimalSchema.optional(),
  /** Σ|market value| after the order / equity. Default 2. */
  maxGrossExposure: NonNegativeDecimalSchema.optional(),
  /** |Σ market value| after the order / equity. Default 1. */
  maxNetExposure: NonNegativeDecimalSchema.optional(),
  /** (equity + borrowed cash after the order) / equity; 1 = no margin borrowing. Default 1. */
  maxLeverage: NonNegativeDecimalSchema.optional(),
  /** Σ|market value| of one sector after the order / equity; unmapped symbols are their own sector. Default 0.5. */
  maxSectorFraction: NonNegativeDecimalSchema.optional(),
  /** Symbol → sector name for the concentration rule. Default {}. */
  sectorMap: z.record(SymbolSchema, z.string().trim().min(1).max(64)).optional(),
  /** Fat-finger collar: |order price / last price − 1|. Default 0.1. */
  maxPriceDeviation: NonNegativeDecimalSchema.optional(),
  /** Orders in any rolling 60 seconds, this one included. Default 60. */
  maxOrdersPerMinute: z.number().int().min(0).max(1_000_000).optional(),
  /** (start-of-day equity − equity) / start-of-day equity; failing trips the kill switch. Default 0.05. */
  maxDailyLossFraction: NonNegativeDecimalSchema.optional(),
  /** (equity high-water mark − equity) / high-water mark; failing trips the kill switch. Default 0.2. */
  maxDrawdownFraction: NonNegativeDecimalSchema.optional(),
  /** Trading session in UTC on trading days (tools/market calendar). Default 13:30-20:00. */
  sessionOpenUtc: SessionTimeSchema.optional(),
  sessionCloseUtc: SessionTimeSchema.optional(),
  /** Approve orders outside the session. Default true: the paper desk's synthetic market trades any time. */
  allowOutsideSession: z.boolean().optional(),
});
export type RiskLimits = z.infer<typeof RiskLimitsSchema>;

/** Values the optional limits take when not configured (see each field of RiskLimitsSchema). */
export const RISK_LIMIT_DEFAULTS = {
  maxOrderQuantity: '100000',
  maxPositionFraction: '0.25',
  maxGrossExposure: '2',
  maxNetExposure: '1',
  maxLeverage: '1',
  maxSectorFraction: '0.5',
  sectorMap: {} as Record<string, string>,
  maxPriceDeviation: '0.1',
  maxOrdersPerMinute: 60,
  maxDailyLossFraction: '0.05',
  maxDrawdownFraction: '0.2',
  sessionOpenUtc: '13:30',
  sessionCloseUtc: '20:00',
  allowOutsideSession: true,
} as const satisfies Required<Omit<RiskLimits, 'maxOrderNotional' | 'maxPositionQuantity' | 'restrictedSymbols'>>;

export const RiskRuleNameSchema = z.enum([
  'max_order_notional', 'max_position', 'restricted_symbol',
  'kill_switch', 'market_hours', 'max_order_quantity', 'price_collar', 'max_position_fraction', 'max_gross_exposure',
  'max_net_exposure', 'max_leverage', 'sector_concentration', 'order_rate', 'daily_loss', 'max_drawdown',
]);
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

/** Roles of a caller: read (look), trade (check orders, trip the kill switch), admin (change limits, reset the kill switch). */
export const RiskRoleSchema = z.enum(['read', 'trade', 'admin']);
export type RiskRole = z.infer<typeof RiskRoleSchema>;

/** Who is asking, with their roles (from bearer scopes over HTTP, or set by the local CLI). */
export const CallerSchema = z.object({ name: z.string().trim().min(1).max(128), roles: z.array(RiskRoleSchema) });
export type Caller = z.infer<typeof CallerSchema>;

/** The kill switch: while active every new order is refused. */
export const KillSwitchStateSchema = z.object({
  active: z.boolean(),
  reason: z.string().nullable(),
  /** Who last changed it: a caller name, or `risk:<rule>` when a rule tripped it. */
  changedBy: z.string().nullable(),
  changedAt: IsoTimestampSchema.nullable(),
});
export type KillSwitchState = z.infer<typeof KillSwitchStateSchema>;

/** One change of the risk limits: who, when, what was in effect before, what after, and why. */
export const RiskLimitChangeSchema = z.object({
  old: RiskLimitsSchema,
  new: RiskLimitsSchema,
  changedBy: z.string(),
  changedAt: IsoTimestampSchema,
  reason: z.string().nullable(),
});
export type RiskLimitChange = z.infer<typeof RiskLimitChangeSchema>;

/** One change of the kill switch. */
export const KillSwitchChangeSchema = KillSwitchStateSchema.extend({ changedBy: z.string(), changedAt: IsoTimestampSchema });
export type KillSwitchChange = z.infer<typeof KillSwitchChangeSchema>;

/** Equity marks the loss rules measure against: first equity seen on the UTC day, and the all-time peak. */
export const EquityMarksSchema = z.object({ startOfDayEquity: DecimalStringSchema, highWaterMark: DecimalStringSchema, day: z.string() });
export type EquityMarks = z.infer<typeof EquityMarksSchema>;
