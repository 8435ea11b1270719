import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house's dependency direction, checked on every import of every source file:
 * apps -> graphs -> agents -> (MCP) -> mcp-servers -> tools -> core; db -> core;
 * adapters (brokers, market-data and news providers over the network) -> tools -> core.
 * Agents reach mcp-servers only through an MCP client, never by import.
 */
const ROOT = resolve(import.meta.dirname, '..');
const ALLOWED: Record<string, string[]> = {
  core: [],
  tools: ['core'],
  db: ['core'],
  adapters: ['tools', 'core'],
  'mcp-servers': ['tools', 'core'],
  agents: ['core'],
  graphs: ['agents', 'core'],
  apps: ['graphs', 'agents', 'mcp-servers', 'adapters', 'tools', 'db', 'core', 'evals'],
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('layering', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer}/ imports only ${allowed.join(', ') || 'itself and packages'}`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(join(ROOT, layer))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
          const target = relative(ROOT, resolve(file, '..', match[1])).split('/')[0];
          if (target !== layer && !allowed.includes(target)) violations.push(`${relative(ROOT, file)} -> ${match[1]}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('keeps time, randomness and ids injected in core/ and tools/', () => {
    const offenders = ['core', 'tools'].flatMap((layer) => sourceFiles(join(ROOT, layer))).filter((file) => /Date\.now\(|Math\.random\(|randomUUID\(|new Date\(\)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
