import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '../../core/index.ts';

export interface ApprovalSecrets {
  risk: string;
  critic: string;
}

/**
 * The HMAC keys of the risk and critic approvals: from env when set, otherwise generated once
 * per DESK_HOME and kept in secrets.json (mode 0600) so stdio servers and restarts agree.
 */
export function loadApprovalSecrets(home: string, fromEnv: { risk?: string; critic?: string }): ApprovalSecrets {
  if (fromEnv.risk && fromEnv.critic) return distinct({ risk: fromEnv.risk, critic: fromEnv.critic });
  const path = join(home, 'secrets.json');
  let stored: Partial<ApprovalSecrets> = {};
  try {
    stored = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new DeskError('config_error', `cannot read ${path}: ${(error as Error).message}`, {}, { cause: error });
  }
  const generated = { risk: stored.risk ?? randomBytes(32).toString('base64url'), critic: stored.critic ?? randomBytes(32).toString('base64url') };
  if (generated.risk !== stored.risk || generated.critic !== stored.critic) {
    mkdirSync(home, { recursive: true });
    writeFileSync(path, JSON.stringify(generated), { mode: 0o600 });
  }
  return distinct({ risk: fromEnv.risk ?? generated.risk, critic: fromEnv.critic ?? generated.critic });
}

function distinct(secrets: ApprovalSecrets): ApprovalSecrets {
  if (secrets.risk === secrets.critic) throw new DeskError('config_error', 'DESK_RISK_SECRET and DESK_CRITIC_SECRET must differ');
  return secrets;
}
