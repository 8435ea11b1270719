import { Decimal, RISK_LIMIT_DEFAULTS, type RiskLimits } from '../../core/index.ts';

/** Limits parsed once into Decimals (and minutes), defaults filled in. */
export interface CompiledLimits {
  maxOrderNotional: Decimal;
  maxPositionQuantity: Decimal;
  restricted: ReadonlySet<string>;
  restrictedText: string;
  maxOrderQuantity: Decimal;
  maxPositionFraction: Decimal;
  maxGrossExposure: Decimal;
  maxNetExposure: Decimal;
  maxLeverage: Decimal;
  maxSectorFraction: Decimal;
  sectorMap: Readonly<Record<string, string>>;
  maxPriceDeviation: Decimal;
  maxOrdersPerMinute: number;
  maxDailyLossFraction: Decimal;
  maxDrawdownFraction: Decimal;
  sessionOpenMinute: number;
  sessionCloseMinute: number;
  sessionText: string;
  allowOutsideSession: boolean;
}

const compiled = new WeakMap<RiskLimits, CompiledLimits>();

/**
 * Parse limits into Decimals once per limits object (cached), filling in RISK_LIMIT_DEFAULTS.
 * @example compileLimits(limits).maxPositionFraction.toString() // '0.25'
 */
export function compileLimits(limits: RiskLimits): CompiledLimits {
  const cached = compiled.get(limits);
  if (cached) return cached;
  const full = effectiveLimits(limits);
  const restricted = full.restrictedSymbols.map((symbol) => symbol.toUpperCase());
  const result: CompiledLimits = {
    maxOrderNotional: Decimal.from(full.maxOrderNotional, 'maxOrderNotional'),
    maxPositionQuantity: Decimal.from(full.maxPositionQuantity, 'maxPositionQuantity'),
    restricted: new Set(restricted),
    restrictedText: restricted.length > 0 ? restricted.join(',') : 'none',
    maxOrderQuantity: Decimal.from(full.maxOrderQuantity, 'maxOrderQuantity'),
    maxPositionFraction: Decimal.from(full.maxPositionFraction, 'maxPositionFraction'),
    maxGrossExposure: Decimal.from(full.maxGrossExposure, 'maxGrossExposure'),
    maxNetExposure: Decimal.from(full.maxNetExposure, 'maxNetExposure'),
    maxLeverage: Decimal.from(full.maxLeverage, 'maxLeverage'),
    maxSectorFraction: Decimal.from(full.maxSectorFraction, 'maxSectorFraction'),
    sectorMap: full.sectorMap,
    maxPriceDeviation: Decimal.from(full.maxPriceDeviation, 'maxPriceDeviation'),
    maxOrdersPerMinute: full.maxOrdersPerMinute,
    maxDailyLossFraction: Decimal.from(full.maxDailyLossFraction, 'maxDailyLossFraction'),
    maxDrawdownFraction: Decimal.from(full.maxDrawdownFraction, 'maxDrawdownFraction'),
    sessionOpenMinute: minuteOfDay(full.sessionOpenUtc),
    sessionCloseMinute: minuteOfDay(full.sessionCloseUtc),
    sessionText: `${full.sessionOpenUtc}-${full.sessionCloseUtc} UTC`,
    allowOutsideSession: full.allowOutsideSession,
  };
  compiled.set(limits, result);
  return result;
}

/**
 * Every limit with its effective value (defaults filled in), as get_limits reports them.
 * @example effectiveLimits({ maxOrderNotional: '1', maxPositionQuantity: '1', restrictedSymbols: [] }).maxLeverage // '1'
 */
export function effectiveLimits(limits: RiskLimits): Required<RiskLimits> {
  return { ...RISK_LIMIT_DEFAULTS, ...withoutUndefined(limits) } as Required<RiskLimits>;
}

function minuteOfDay(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
