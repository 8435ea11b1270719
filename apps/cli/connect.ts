import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeskConfig } from '../runtime/config.ts';

/**
 * The running `desk start` server for this DESK_HOME, if any: the CLI talks to it over HTTP
 * instead of opening the single-process embedded database a second time.
 */
export async function findRunningServer(config: DeskConfig): Promise<string | null> {
  let url: string;
  try {
    url = JSON.parse(readFileSync(join(config.home, 'server.json'), 'utf8')).url;
  } catch {
    return null;
  }
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? url : null;
  } catch {
    return null;
  }
}

/** Call the running server's API with the configured bearer token. */
export async function callServer(config: DeskConfig, url: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(config.apiToken ? { authorization: `Bearer ${config.apiToken}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = (await response.json()) as { error?: { message: string } };
  if (!response.ok) throw new Error(`server answered ${response.status}: ${payload.error?.message ?? JSON.stringify(payload)}`);
  return payload;
}
