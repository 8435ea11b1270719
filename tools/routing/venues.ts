import { Decimal, DeskError } from '../../core/index.ts';

/** What a venue charges per order; every part is optional and they add up, then min/max apply. */
export interface FeeSchedule {
  /** Currency per share, e.g. '0.0035'. */
  perShare?: string;
  /** Percent of traded value: '0.05' means 0.05 %. */
  percentOfValue?: string;
  /** Least charged per order. */
  minimum?: string;
  /** Most charged per order. */
  maximum?: string;
}

/**
 * How much a venue can take: shares displayed at the touch, or a maximum participation in its
 * daily volume (capacity = dailyVolume × maxParticipation).
 */
export type VenueLiquidity =
  | { kind: 'displayed'; size: number }
  | { kind: 'participation'; dailyVolume: number; maxParticipation: number };

export interface VenueConfig {
  name: string;
  fees: FeeSchedule;
  liquidity: VenueLiquidity;
  /** Half the quoted spread, paid by any marketable order, in basis points. */
  halfSpreadBps: number;
  /** Further slippage, in bps, for taking the venue's whole capacity; linear in the fraction taken. */
  impactBps: number;
  /** Chance the order fills there (default 1); the rest costs the router's missCostBps. */
  fillProbability?: number;
  /** Breaks ties between equal costs: faster first. */
  latencyMs?: number;
}

/** Checked numbers of a venue, ready for costing. */
export interface PreparedVenue {
  config: VenueConfig;
  capacity: Decimal;
  perShare: Decimal;
  percentOfValue: Decimal;
  minimum: Decimal;
  maximum: Decimal | null;
  halfSpreadBps: Decimal;
  impactBps: Decimal;
  fillProbability: Decimal;
  latencyMs: number;
}

/**
 * Validate a venue's configuration once (DeskError naming venue and field) so routing is cheap.
 * @example prepareVenue({ name: 'lit', fees: { perShare: '0.001', minimum: '0.5' }, liquidity: { kind: 'displayed', size: 2000 }, halfSpreadBps: 1, impactBps: 10 })
 */
export function prepareVenue(config: VenueConfig): PreparedVenue {
  const field = (name: string) => `venue ${config.name}: ${name}`;
  const fee = (value: string | undefined, name: string) => nonNegative(value === undefined ? Decimal.ZERO : Decimal.from(value, field(`fees.${name}`)), field(`fees.${name}`));
  const capacity = config.liquidity.kind === 'displayed'
    ? positive(config.liquidity.size, field('liquidity.size'))
    : positive(config.liquidity.dailyVolume, field('liquidity.dailyVolume')).mul(fraction(config.liquidity.maxParticipation, field('liquidity.maxParticipation')));
  const minimum = fee(config.fees.minimum, 'minimum');
  const maximum = config.fees.maximum === undefined ? null : fee(config.fees.maximum, 'maximum');
  if (maximum !== null && maximum.lt(minimum)) {
    throw new DeskError('invalid_input', `${field('fees.maximum')} (${maximum}) must be at least fees.minimum (${minimum})`, { field: 'fees.maximum', venue: config.name });
  }
  return {
    config, capacity, minimum, maximum,
    perShare: fee(config.fees.perShare, 'perShare'),
    percentOfValue: fee(config.fees.percentOfValue, 'percentOfValue'),
    halfSpreadBps: nonNegative(finite(config.halfSpreadBps, field('halfSpreadBps')), field('halfSpreadBps')),
    impactBps: nonNegative(finite(config.impactBps, field('impactBps')), field('impactBps')),
    fillProbability: config.fillProbability === undefined ? Decimal.from(1) : fraction(config.fillProbability, field('fillProbability')),
    latencyMs: config.latencyMs ?? 0,
  };
}

/**
 * The fee for `quantity` shares worth `value`: perShare × quantity + percent × value, then the
 * minimum and maximum, rounded half-even to cents.
 */
export function venueFee(venue: PreparedVenue, quantity: Decimal, value: Decimal): Decimal {
  let fee = venue.perShare.mul(quantity).add(venue.percentOfValue.mul(value).div(Decimal.from(100)));
  if (fee.lt(venue.minimum)) fee = venue.minimum;
  if (venue.maximum !== null && fee.gt(venue.maximum)) fee = venue.maximum;
  return Decimal.from(fee.toFixed(2));
}

function finite(value: number, field: string): Decimal {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DeskError('invalid_input', `${field} must be a finite number (got ${value})`, { field });
  return Decimal.from(value, field);
}

function nonNegative(value: Decimal, field: string): Decimal {
  if (value.isNegative()) throw new DeskError('invalid_input', `${field} must be >= 0 (got ${value})`, { field });
  return value;
}

function positive(value: number, field: string): Decimal {
  const decimal = finite(value, field);
  if (!decimal.gt(Decimal.ZERO)) throw new DeskError('invalid_input', `${field} must be > 0 (got ${value})`, { field });
  return decimal;
}

function fraction(value: number, field: string): Decimal {
  const decimal = positive(value, field);
  if (decimal.gt(Decimal.from(1))) throw new DeskError('invalid_input', `${field} must be in (0, 1] (got ${value})`, { field });
  return decimal;
}
