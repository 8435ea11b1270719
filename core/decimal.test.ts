import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import { isDeskError } from './errors.ts';

describe('Decimal', () => {
  it('refuses a non-zero float too small for 8 decimals instead of reading it as 0', () => {
    for (const tiny of [5e-324, -5e-324, 1e-12, -1e-9]) {
      expect(() => Decimal.from(tiny, 'limit')).toThrow(/limit has more than 8 decimals/);
    }
    expect(Decimal.from(1e-7).toString()).toBe('0.0000001');
    expect(Decimal.from(-0).toString()).toBe('0');
  });

  it('adds exactly where floats do not', () => {
    expect(Decimal.from('0.1').add(Decimal.from('0.2')).toString()).toBe('0.3');
    expect(Decimal.from(0.1).add(Decimal.from(0.2)).eq(Decimal.from('0.3'))).toBe(true);
  });

  it('multiplies and rounds half-even to 8 decimals', () => {
    expect(Decimal.from('10').mul(Decimal.from('187.4321')).toString()).toBe('1874.321');
    expect(Decimal.from('0.00000001').mul(Decimal.from('0.5')).toString()).toBe('0');
    expect(Decimal.from('0.00000003').mul(Decimal.from('0.5')).toString()).toBe('0.00000002');
    expect(Decimal.from('-2.5').mul(Decimal.from('3')).toString()).toBe('-7.5');
  });

  it('divides with rounding', () => {
    expect(Decimal.from('1').div(Decimal.from('3')).toString()).toBe('0.33333333');
    expect(() => Decimal.from('1').div(Decimal.ZERO)).toThrow(/division by zero/);
  });

  it('formats fixed decimals for display', () => {
    expect(Decimal.from('1234.5').toFixed(2)).toBe('1234.50');
    expect(Decimal.from('0.125').toFixed(2)).toBe('0.12');
    expect(Decimal.from('0.135').toFixed(2)).toBe('0.14');
    expect(Decimal.from('7').toFixed(0)).toBe('7');
  });

  it.each([['NaN'], ['1e5'], [''], ['abc'], ['1.123456789']])('rejects %j with a clear error', (text) => {
    try {
      Decimal.from(text, 'quantity');
      expect.unreachable();
    } catch (error) {
      expect(isDeskError(error, 'invalid_number')).toBe(true);
      expect((error as Error).message).toMatch(/^quantity /);
    }
  });

  it('rejects non-finite numbers', () => {
    expect(() => Decimal.from(Number.NaN, 'price')).toThrow(/price must be a finite number/);
    expect(() => Decimal.from(Number.POSITIVE_INFINITY, 'price')).toThrow(/finite/);
  });

  it('rounds floats from bars to a fixed number of places', () => {
    expect(Decimal.fromFloat(187.43219999, 4).toString()).toBe('187.4322');
  });
});
