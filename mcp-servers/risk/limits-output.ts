import { z } from 'zod';

/** Every limit with its effective value, as the risk tools report them. */
export const effectiveLimitsOutput = z.object({
  maxOrderNotional: z.string(),
  maxPositionQuantity: z.string(),
  restrictedSymbols: z.array(z.string()),
  maxOrderQuantity: z.string(),
  maxPositionFraction: z.string(),
  maxGrossExposure: z.string(),
  maxNetExposure: z.string(),
  maxLeverage: z.string(),
  maxSectorFraction: z.string(),
  sectorMap: z.record(z.string(), z.string()),
  maxPriceDeviation: z.string(),
  maxOrdersPerMinute: z.number(),
  maxDailyLossFraction: z.string(),
  maxDrawdownFraction: z.string(),
  sessionOpenUtc: z.string(),
  sessionCloseUtc: z.string(),
  allowOutsideSession: z.boolean(),
});

export const killSwitchOutput = z.object({ active: z.boolean(), reason: z.string().nullable(), changedBy: z.string().nullable(), changedAt: z.string().nullable() });

/** The stored limits (only configured fields) of a change log entry. */
const storedLimits = z.record(z.string(), z.unknown());

export const limitChangeOutput = z.object({ old: storedLimits, new: storedLimits, changedBy: z.string(), changedAt: z.string(), reason: z.string().nullable() });
export const killSwitchChangeOutput = killSwitchOutput.extend({ changedBy: z.string(), changedAt: z.string() });
