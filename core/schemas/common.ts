import { z } from 'zod';
import { Decimal } from '../decimal.ts';

/** Ticker symbol: upper-case letters, digits, dot or dash, 1-12 characters (AAPL, BRK.B). */
export const SymbolSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z][A-Z0-9.\-]{0,11}$/, 'symbol must be 1-12 characters: letters, digits, "." or "-", starting with a letter'));
export type Symbol = z.infer<typeof SymbolSchema>;

/** Calendar date as YYYY-MM-DD (UTC). */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

/** Instant as an ISO-8601 string in UTC (ends with Z). */
export const IsoTimestampSchema = z.iso.datetime({ offset: false });

/**
 * A decimal given as a string or a finite number, kept as its exact string form.
 * Rejects NaN, Infinity, exponent forms and more than 8 decimals.
 */
export const DecimalStringSchema = z
  .union([z.string(), z.number()])
  .transform((value, context) => {
    try {
      return Decimal.from(value).toString();
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** A strictly positive decimal (quantities, prices). */
export const PositiveDecimalSchema = DecimalStringSchema.refine((value) => Decimal.from(value).gt(Decimal.ZERO), 'must be greater than 0');

/** A decimal that is zero or more (limits, cash). */
export const NonNegativeDecimalSchema = DecimalStringSchema.refine((value) => !Decimal.from(value).isNegative(), 'must be 0 or more');
