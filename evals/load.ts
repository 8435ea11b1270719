import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeskError, formatZodError } from '../core/index.ts';
import { EvalSuiteSchema, type EvalSuite } from './suite-schema.ts';

export const SHIPPED_SUITES = resolve(import.meta.dirname, 'suites');

/**
 * Load suites from files or folders (every *.json inside). A bad suite names the file and the
 * path inside it. Case ids must be unique across the run.
 * @example loadSuites([SHIPPED_SUITES, '../private-evals'])
 */
export function loadSuites(paths: string[]): EvalSuite[] {
  const files = paths.flatMap((path) => (statSync(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith('.json')).sort().map((name) => join(path, name)) : [path]));
  const suites = files.map((file) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new DeskError('parse_error', `${file}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = EvalSuiteSchema.safeParse(raw);
    if (!parsed.success) throw new DeskError('invalid_input', `${file}: ${formatZodError(parsed.error)}`);
    return parsed.data;
  });
  const seen = new Set<string>();
  for (const suite of suites) {
    for (const entry of suite.cases) {
      if (seen.has(entry.id)) throw new DeskError('conflict', `case id ${entry.id} appears twice (suite ${suite.name})`);
      seen.add(entry.id);
    }
  }
  return suites;
}
