import { DeskError } from '../../core/index.ts';

/** Punctuation kept as tokens because it ends a clause (negation and metric look-ups stop there). */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([',', '.', ';', ':', '!', '?']);

// Numbers ("9.0" stays one token), words (with inner hyphens/apostrophes), and the clause-ending punctuation.
const TOKEN_PATTERN = /[0-9]+(?:[.,][0-9]+)*|n['’]t|[a-z0-9]+(?:['’-][a-z0-9]+)*|[,.;:!?]/g;

/**
 * Lower-cased word tokens of a text, keeping clause-ending punctuation as its own token.
 * "didn't" stays one token; FPB-style "did n't" yields "did", "n't".
 *
 * @example tokenize('Sales rose, costs fell.') // ['sales', 'rose', ',', 'costs', 'fell', '.']
 */
export function tokenize(text: string): string[] {
  assertText(text, 'text');
  return text.toLowerCase().match(TOKEN_PATTERN) ?? [];
}

/**
 * Throw DeskError('invalid_input') unless `value` is a string.
 * @example assertText('Apple beat estimates', 'text') // ok
 */
export function assertText(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new DeskError('invalid_input', `${field} must be a string (got ${value === null ? 'null' : typeof value})`, { field });
  }
}
