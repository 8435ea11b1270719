import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeskConfig } from '../runtime/config.ts';
import type { Desk } from '../runtime/desk.ts';

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
    headers: apiHeaders(config),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = (await response.json()) as { error?: { message: string } };
  if (!response.ok) throw new Error(`server answered ${response.status}: ${payload.error?.message ?? JSON.stringify(payload)}`);
  return payload;
}

/** POST to a server-sent-events route, pass each event to `onEvent`, and return the final `result`. */
export async function streamFromServer<E>(config: DeskConfig, url: string, path: string, body: unknown, onEvent: (event: E) => void): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: apiHeaders(config),
    body: JSON.stringify(body),
  });
  if (!response.ok || !response.body) throw new Error(`server answered ${response.status}: ${await response.text()}`);
  let buffer = '';
  let result: unknown;
  for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      if (name === 'result') result = data;
      else if (name === 'error') throw new Error(`server: ${data.message}`);
      else onEvent(data as E);
    }
  }
  return result;
}

/**
 * The embedded database serves one process: use the running `desk start` server when there is
 * one for this DESK_HOME (never with DATABASE_URL, where each process connects itself), else
 * open the desk here for the length of `local`.
 * @example await viaServerOrDesk(config, (url) => callServer(config, url, '/api/positions'), (desk) => desk.serverDeps.execution.getPositions());
 */
export async function viaServerOrDesk<T>(config: DeskConfig, remote: (url: string) => Promise<T>, local: (desk: Desk) => Promise<T>): Promise<T> {
  const server = config.databaseUrl ? null : await findRunningServer(config);
  if (server) return remote(server);
  const { openDesk } = await import('../runtime/desk.ts');
  const desk = await openDesk(config, { role: 'cli' });
  try {
    return await local(desk);
  } finally {
    await desk.close();
  }
}

function apiHeaders(config: DeskConfig): Record<string, string> {
  return { 'content-type': 'application/json', ...(config.apiToken ? { authorization: `Bearer ${config.apiToken}` } : {}) };
}
