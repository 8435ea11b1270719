import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { DeskError } from '../../core/index.ts';
import type { ToolDefinition } from '../providers/types.ts';

/** A tool that has not answered by then is reported to the agent as a failed call. */
export const DEFAULT_TOOL_TIMEOUT_MS = 30_000;

/** What one MCP tool call returned, as an agent sees it. */
export interface ToolCallOutcome {
  server: string;
  tool: string;
  /** structuredContent when the tool has one, else the parsed text. */
  result: unknown;
  /** The text an LLM sees as the tool_result. */
  text: string;
  isError: boolean;
  latencyMs: number;
}

/** An agent's view of the MCP servers: only the tools on its allowlist. */
export interface Toolbox {
  definitions(): ToolDefinition[];
  has(name: string): boolean;
  call(name: string, args: Record<string, unknown>): Promise<ToolCallOutcome>;
}

export interface ToolRegistry {
  /** A toolbox limited to `allowlist`; every name must exist on some server. */
  restrict(allowlist: readonly string[]): Toolbox;
  names(): string[];
}

interface Entry {
  server: string;
  client: Client;
  definition: ToolDefinition;
}

/**
 * Index the tools of connected MCP clients by name (names are unique across servers).
 * @example const registry = await createToolRegistry({ backtest: client }); registry.restrict(['run_backtest']);
 */
export async function createToolRegistry(clients: Record<string, Client>, options: { timeoutMs?: number } = {}): Promise<ToolRegistry> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const entries = new Map<string, Entry>();
  for (const [server, client] of Object.entries(clients)) {
    const { tools } = await client.listTools();
    for (const tool of tools) {
      if (entries.has(tool.name)) throw new DeskError('config_error', `tool ${tool.name} is offered by two servers (${entries.get(tool.name)!.server}, ${server})`);
      entries.set(tool.name, {
        server,
        client,
        definition: { name: tool.name, description: tool.description ?? tool.name, input_schema: tool.inputSchema as ToolDefinition['input_schema'] },
      });
    }
  }
  return {
    names: () => [...entries.keys()],
    restrict: (allowlist) => restrictTo(entries, allowlist, timeoutMs),
  };
}

function restrictTo(entries: Map<string, Entry>, allowlist: readonly string[], timeoutMs: number): Toolbox {
  for (const name of allowlist) {
    if (!entries.has(name)) throw new DeskError('config_error', `allowlisted tool ${name} is not offered by any connected server`);
  }
  const allowed = new Set(allowlist);
  return {
    definitions: () => allowlist.map((name) => entries.get(name)!.definition),
    has: (name) => allowed.has(name),
    call: async (name, args) => {
      if (!allowed.has(name)) {
        throw new DeskError('tool_not_allowed', `tool ${name} is not on this agent's allowlist (allowed: ${allowlist.join(', ')})`, { tool: name });
      }
      return callTool(entries.get(name)!, name, args, timeoutMs);
    },
  };
}

async function callTool(entry: Entry, name: string, args: Record<string, unknown>, timeoutMs: number): Promise<ToolCallOutcome> {
  const started = performance.now();
  let response: Awaited<ReturnType<Client['callTool']>>;
  try {
    response = await entry.client.callTool({ name, arguments: args }, undefined, { timeout: timeoutMs });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const timedOut = /timed out|timeout/i.test(message);
    const text = timedOut ? `tool ${name} did not answer within ${timeoutMs} ms` : `tool ${name} failed: ${message}`;
    return { server: entry.server, tool: name, result: { error: text }, text, isError: true, latencyMs: performance.now() - started };
  }
  const latencyMs = performance.now() - started;
  const content = Array.isArray(response.content) ? response.content : [];
  const text = content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');
  const isError = response.isError === true;
  const result = response.structuredContent ?? (isError ? { error: text } : safeParse(text));
  return { server: entry.server, tool: name, result, text, isError, latencyMs };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}
