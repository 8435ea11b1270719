/**
 * `npm run bench [name...]`: runs every bench/*.bench.ts (or the named ones) in turn; each prints
 * its own figures. Benchmarks measure; they never fail a build on timing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const directory = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(directory).filter((name) => name.endsWith('.bench.ts') && (wanted.length === 0 || wanted.some((entry) => name.startsWith(entry)))).sort();
for (const file of files) {
  console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
  const module = (await import(pathToFileURL(join(directory, file)).href)) as { default: () => Promise<void> };
  await module.default();
}
