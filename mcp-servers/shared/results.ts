import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { isDeskError } from '../../core/index.ts';

/**
 * A successful tool result: `structuredContent` for clients that read it, and the same JSON
 * as text for clients (and models) that read content only.
 */
export function jsonResult(structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
}

/**
 * A tool-level failure the caller can act on (bad field, unknown symbol): an isError result
 * whose text names the problem. Faults that are not DeskErrors are rethrown so the SDK reports them.
 */
export function errorResult(error: unknown): CallToolResult {
  if (isDeskError(error)) {
    return { content: [{ type: 'text', text: `${error.code}: ${error.message}` }], isError: true };
  }
  throw error;
}

/** Run a handler body, turning DeskErrors into isError results. */
export async function handle(work: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
  try {
    return jsonResult(await work());
  } catch (error) {
    return errorResult(error);
  }
}
