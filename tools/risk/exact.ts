import { DECIMAL_SCALE, Decimal } from '../../core/index.ts';

/**
 * Exact comparisons for the risk rules. A product of two Decimals is kept at 16 decimals (units
 * of 1e-16) as a bigint, so nothing is rounded before it is compared with a limit.
 */
export const ONE_8 = 10n ** BigInt(DECIMAL_SCALE);

/** `value` in 1e-16 units. */
export function wide(value: Decimal): bigint {
  return value.units * ONE_8;
}

/** |value| of a bigint. */
export function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/**
 * True when numerator / denominator <= fraction, exactly; denominator must be > 0.
 * `numerator` and `denominator` share a scale; `fraction` is a Decimal.
 * @example fractionWithin(25n, 100n, Decimal.from('0.25')) // true
 */
export function fractionWithin(numerator: bigint, denominator: bigint, fraction: Decimal): boolean {
  return numerator * ONE_8 <= fraction.units * denominator;
}

/**
 * numerator / denominator as text with `decimals` places (rounded half away from zero), or 'n/a'
 * when the denominator is not positive.
 * @example ratioText(1n, 3n) // '0.333333'
 */
export function ratioText(numerator: bigint, denominator: bigint, decimals = 6): string {
  if (denominator <= 0n) return 'n/a';
  const scale = 10n ** BigInt(decimals);
  const negative = numerator < 0n;
  const scaled = (absolute(numerator) * scale * 2n + denominator) / (2n * denominator);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, '0');
  return `${negative && scaled !== 0n ? '-' : ''}${whole}.${fraction}`;
}

/**
 * A 1e-16-unit amount as a Decimal rounded to 8 decimals (for display and results).
 * @example narrow(wide(Decimal.from('1.5'))).toString() // '1.5'
 */
export function narrow(value: bigint): Decimal {
  const negative = value < 0n;
  const rounded = (absolute(value) * 2n + ONE_8) / (2n * ONE_8);
  return Decimal.fromUnits(negative ? -rounded : rounded);
}
