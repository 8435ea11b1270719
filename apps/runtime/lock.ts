import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '../../core/index.ts';

/**
 * The embedded database is single-process: one desk process per DESK_HOME holds desk.lock.
 * A lock whose process is gone is stale and taken over.
 */
export function acquireHomeLock(home: string, role: string): () => void {
  mkdirSync(home, { recursive: true });
  const path = join(home, 'desk.lock');
  const holder = readHolder(path);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
    throw new DeskError(
      'database_error',
      `the embedded database in ${home} is in use by another desk process (pid ${holder.pid}, ${holder.role}); stop it, use its HTTP API, set DESK_HOME to another folder, or set DATABASE_URL`,
      { pid: holder.pid },
    );
  }
  writeFileSync(path, JSON.stringify({ pid: process.pid, role }));
  return () => {
    if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
  };
}

function readHolder(path: string): { pid: number; role: string } | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
