import { DeskError, formatPath, formatSpecIssues, StrategySpecSchema, type StrategySpec } from '../../core/index.ts';

/**
 * Validate an untrusted value as a strategy spec, including that every `{ "param": name }` names
 * a declared parameter. Throws DeskError('invalid_input') whose message has one line per problem,
 * each naming its path inside the spec ("entry.args[1].period: must be an integer >= 1"); the
 * lines are also in `details.issues`.
 *
 * @example const spec = parseStrategySpec(JSON.parse(text));
 */
export function parseStrategySpec(value: unknown): StrategySpec {
  const result = StrategySpecSchema.safeParse(value);
  const issues = result.success ? [...combinationIssues(result.data as StrategySpec), ...undeclaredParameters(result.data as StrategySpec)] : formatSpecIssues(result.error);
  if (issues.length > 0) {
    throw new DeskError('invalid_input', `invalid strategy spec:\n${issues.join('\n')}`, { issues });
  }
  return result.data as StrategySpec;
}

/** One line per `{ "param": name }` in entry or exit whose name is not declared. */
function undeclaredParameters(spec: StrategySpec): string[] {
  const declared = Object.keys(spec.parameters);
  const issues: string[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.param === 'string' && !declared.includes(record.param)) {
      issues.push(`${formatPath([...path, 'param'])}: unknown parameter '${record.param}'; declared: ${declared.join(', ') || '(none)'}`);
    }
    for (const [key, member] of Object.entries(record)) visit(member, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  visit(spec.entry, ['entry']);
  visit(spec.exit, ['exit']);
  for (const key of ['shortEntry', 'shortExit', 'rotation', 'pairs'] as const) if (spec[key] !== undefined) visit(spec[key], [key]);
  return issues;
}

/** Fields that only make sense together. */
function combinationIssues(spec: StrategySpec): string[] {
  const issues: string[] = [];
  if (spec.side === 'long-short' && (spec.shortEntry === undefined || spec.shortExit === undefined)) issues.push('side: long-short needs shortEntry and shortExit');
  if (spec.side !== 'long-short' && (spec.shortEntry !== undefined || spec.shortExit !== undefined)) issues.push('shortEntry: only used with side long-short');
  if (spec.rotation !== undefined && spec.pairs !== undefined) issues.push('pairs: a spec has rotation or pairs, not both');
  return issues;
}
