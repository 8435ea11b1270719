import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadApprovalSecrets } from './secrets.ts';

describe('approval secrets', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-secrets-'));
  afterEach(() => rmSync(join(home, 'secrets.json'), { force: true }));

  it('generates distinct keys once, keeps them private, and reuses them on the next start', () => {
    const first = loadApprovalSecrets(home, {});
    expect(first.risk).not.toBe(first.critic);
    expect(statSync(join(home, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(loadApprovalSecrets(home, {})).toEqual(first);
  });

  it('prefers keys from the environment and never writes them to disk', () => {
    const secrets = loadApprovalSecrets(home, { risk: 'env-risk', critic: 'env-critic' });
    expect(secrets).toEqual({ risk: 'env-risk', critic: 'env-critic' });
    const partial = loadApprovalSecrets(home, { risk: 'env-risk' });
    expect(partial.risk).toBe('env-risk');
    expect(readFileSync(join(home, 'secrets.json'), 'utf8')).not.toContain('env-risk');
  });

  it('refuses identical risk and critic keys', () => {
    expect(() => loadApprovalSecrets(home, { risk: 'same', critic: 'same' })).toThrow(/must differ/);
  });
});
