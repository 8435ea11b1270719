import { DeskError } from './errors.ts';

/**
 * Exact decimal arithmetic for money and quantities: a bigint count of 1e-8 units.
 * Floats are fine for indicators and backtests; anything that is booked (orders, fills,
 * cash, positions) goes through Decimal so 0.1 + 0.2 is 0.3.
 */
export const DECIMAL_SCALE = 8;
const FACTOR = 10n ** BigInt(DECIMAL_SCALE);
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

export class Decimal {
  /** Value in 1e-8 units. */
  readonly units: bigint;

  private constructor(units: bigint) {
    this.units = units;
  }

  static readonly ZERO = new Decimal(0n);

  static fromUnits(units: bigint): Decimal {
    return new Decimal(units);
  }

  /**
   * Parse a decimal from a string or finite number; rejects NaN, Infinity and more than 8 decimals.
   * @example Decimal.from('101.25').toString() // '101.25'
   */
  static from(value: string | number | Decimal, field = 'value'): Decimal {
    if (value instanceof Decimal) return value;
    const text = typeof value === 'number' ? numberToPlainString(value, field) : value.trim();
    if (!DECIMAL_PATTERN.test(text)) {
      throw new DeskError('invalid_number', `${field} must be a decimal number (got ${JSON.stringify(value)})`, { field });
    }
    const negative = text.startsWith('-');
    const [whole, fraction = ''] = text.replace('-', '').split('.');
    if (fraction.length > DECIMAL_SCALE) {
      throw new DeskError('invalid_number', `${field} has more than ${DECIMAL_SCALE} decimals (got ${text})`, { field });
    }
    const units = BigInt(whole) * FACTOR + BigInt(fraction.padEnd(DECIMAL_SCALE, '0') || '0');
    return new Decimal(negative ? -units : units);
  }

  /** Round a float (e.g. a bar price) to `decimals` places, half away from zero, exactly. */
  static fromFloat(value: number, decimals = 4, field = 'value'): Decimal {
    if (!Number.isFinite(value)) {
      throw new DeskError('invalid_number', `${field} must be a finite number (got ${value})`, { field });
    }
    return Decimal.from(value.toFixed(decimals), field);
  }

  add(other: Decimal): Decimal { return new Decimal(this.units + other.units); }
  sub(other: Decimal): Decimal { return new Decimal(this.units - other.units); }
  neg(): Decimal { return new Decimal(-this.units); }
  abs(): Decimal { return this.units < 0n ? this.neg() : this; }

  /** Exact product rounded half-even to 8 decimals. */
  mul(other: Decimal): Decimal {
    return new Decimal(divideRounded(this.units * other.units, FACTOR));
  }

  /** Quotient rounded half-even to 8 decimals. */
  div(other: Decimal): Decimal {
    if (other.units === 0n) throw new DeskError('invalid_number', 'division by zero', {});
    return new Decimal(divideRounded(this.units * FACTOR, other.units));
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    return this.units < other.units ? -1 : this.units > other.units ? 1 : 0;
  }
  eq(other: Decimal): boolean { return this.units === other.units; }
  gt(other: Decimal): boolean { return this.units > other.units; }
  gte(other: Decimal): boolean { return this.units >= other.units; }
  lt(other: Decimal): boolean { return this.units < other.units; }
  lte(other: Decimal): boolean { return this.units <= other.units; }
  isZero(): boolean { return this.units === 0n; }
  isNegative(): boolean { return this.units < 0n; }

  /** Plain decimal string without trailing zeros: '10', '101.25', '-0.5'. */
  toString(): string {
    const negative = this.units < 0n;
    const absolute = negative ? -this.units : this.units;
    const whole = absolute / FACTOR;
    const fraction = (absolute % FACTOR).toString().padStart(DECIMAL_SCALE, '0').replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  }

  /** Fixed number of decimals, rounded half-even: toFixed(2) for display of money. */
  toFixed(decimals: number): string {
    const step = 10n ** BigInt(DECIMAL_SCALE - decimals);
    const rounded = divideRounded(this.units, step) * step;
    const text = new Decimal(rounded).toString();
    const [whole, fraction = ''] = text.split('.');
    return decimals > 0 ? `${whole}.${fraction.padEnd(decimals, '0')}` : whole;
  }

  /** Nearest float; for reports and charts only, never for booking. */
  toNumber(): number { return Number(this.toString()); }

  toJSON(): string { return this.toString(); }
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const sign = (numerator < 0n) !== (denominator < 0n) ? -1n : 1n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const remainder = n % d;
  const twice = remainder * 2n;
  if (twice > d || (twice === d && quotient % 2n === 1n)) quotient += 1n;
  return sign * quotient;
}

function numberToPlainString(value: number, field: string): string {
  if (!Number.isFinite(value)) {
    throw new DeskError('invalid_number', `${field} must be a finite number (got ${value})`, { field });
  }
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form (1e-7, 1e21): expand without losing the digits the float actually has.
  const expanded = value.toFixed(DECIMAL_SCALE + 1).replace(/0+$/, '').replace(/\.$/, '');
  // A non-zero value too small to show (5e-324, -1e-12) must not pass as 0: it has too many decimals.
  if (/^-?0$/.test(expanded) && value !== 0) throw new DeskError('invalid_number', `${field} has more than ${DECIMAL_SCALE} decimals (got ${text})`, { field });
  return expanded;
}
