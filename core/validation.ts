import type { z } from 'zod';
import { DeskError } from './errors.ts';

/** One line per problem: "quantity: must be greater than 0". */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Parse `value` with `schema` or throw a DeskError('invalid_input') naming every bad field.
 * @example const order = parseWith(OrderRequestSchema, body, 'order');
 */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DeskError('invalid_input', `invalid ${what}: ${formatZodError(result.error)}`, {
      issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  return result.data;
}
