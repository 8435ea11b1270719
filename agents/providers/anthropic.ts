import Anthropic, { APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import type { ContentBlock, Message, MessageCreateParamsNonStreaming, TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import { DeskError, isDeskError } from '../../core/errors.ts';
import type { AssistantBlock, ModelProvider, ModelRequest, ModelResponse, ToolDefinition } from './types.ts';

/**
 * Current Sonnet. SDK 1.13 lists 'claude-sonnet-4-5' as deprecated and would print a warning on
 * every call, so the default is the newest non-deprecated Sonnet in the SDK's model list.
 */
export const DEFAULT_CLAUDE_MODEL = 'claude-sonnet-5-5';
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_TOKENS = 4096;

export interface AnthropicProviderOptions {
  apiKey: string;
  /** Defaults to the SDK's choice: ANTHROPIC_BASE_URL, else https://api.anthropic.com. */
  baseURL?: string;
  model?: string;
  /** Retries on 408/409/429/5xx and connection errors, with the SDK's exponential backoff. */
  maxRetries?: number;
  /** Per attempt; the SDK's default (10 minutes for a non-streaming call) when absent. */
  timeoutMs?: number;
}

/**
 * A ModelProvider backed by the Claude Messages API. The system prompt and the tool list are
 * marked for prompt caching: they are identical on every turn of an agent loop.
 *
 * @example
 * const provider = createAnthropicProvider({ apiKey: process.env.ANTHROPIC_API_KEY! });
 * const response = await provider.complete({ agent: 'analyst', system, messages, tools });
 */
export function createAnthropicProvider(options: AnthropicProviderOptions): ModelProvider {
  if (!options.apiKey) {
    throw new DeskError('config_error', 'apiKey is required for the Claude provider (set ANTHROPIC_API_KEY)');
  }
  const model = options.model || DEFAULT_CLAUDE_MODEL;
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeoutMs,
  });
  return {
    mode: 'claude',
    model,
    async complete(request) {
      let message: Message;
      try {
        message = await client.messages.create(toCreateParams(model, request));
      } catch (error) {
        throw toDeskError(error, options.apiKey, client.baseURL);
      }
      return toModelResponse(message);
    },
  };
}

const ephemeral = { type: 'ephemeral' } as const;

/** Exported for tests of the request shape; the provider is the public surface. */
export function toCreateParams(model: string, request: ModelRequest): MessageCreateParamsNonStreaming {
  // The API rejects empty text blocks, so an empty system prompt is left out rather than cached.
  const system: TextBlockParam[] = request.system ? [{ type: 'text', text: request.system, cache_control: ephemeral }] : [];
  const params: MessageCreateParamsNonStreaming = {
    model,
    max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
    messages: request.messages,
  };
  if (system.length > 0) params.system = system;
  if (request.tools.length > 0) params.tools = toTools(request.tools);
  return params;
}

/** One cache breakpoint on the last tool caches the whole tool list (tools precede system). */
function toTools(tools: ToolDefinition[]): Tool[] {
  return tools.map((tool, index) => {
    const mapped: Tool = { name: tool.name, description: tool.description, input_schema: tool.input_schema };
    if (index === tools.length - 1) mapped.cache_control = ephemeral;
    return mapped;
  });
}

const stopReasons: Record<string, ModelResponse['stopReason']> = {
  end_turn: 'end_turn',
  tool_use: 'tool_use',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  refusal: 'refusal',
  pause_turn: 'pause_turn',
  // The answer was cut off by the context window: for the agent loop that is a truncation.
  model_context_window_exceeded: 'max_tokens',
};

/** Exported for tests; maps a Messages API response onto the port's shape. */
export function toModelResponse(message: Message): ModelResponse {
  const stopReason = message.stop_reason === null ? undefined : stopReasons[message.stop_reason];
  if (!stopReason) {
    throw new DeskError('model_error', `Claude returned an unknown stop_reason ${JSON.stringify(message.stop_reason)}`, { id: message.id });
  }
  return {
    id: message.id,
    content: message.content.flatMap(toAssistantBlock),
    stopReason,
    model: message.model,
    usage: {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    },
  };
}

/** Text and tool_use pass through; thinking and server-side blocks are not the agent's to see. */
function toAssistantBlock(block: ContentBlock): AssistantBlock[] {
  if (block.type === 'text') return [{ type: 'text', text: block.text }];
  if (block.type !== 'tool_use') return [];
  if (typeof block.input !== 'object' || block.input === null || Array.isArray(block.input)) {
    throw new DeskError('model_error', `Claude called tool ${block.name} with input that is not an object`, { toolUseId: block.id });
  }
  return [{ type: 'tool_use', id: block.id, name: block.name, input: block.input as Record<string, unknown> }];
}

/** Says what failed (status, API error type and message) and never repeats the key. */
function toDeskError(error: unknown, apiKey: string, baseURL: string): DeskError {
  if (isDeskError(error)) return error;
  const redact = (text: string) => text.split(apiKey).join('[redacted]');
  // A server that echoes the key back would leak it through `cause` when the error is printed.
  const cause = error instanceof Error && error.message.includes(apiKey) ? undefined : error;
  if (error instanceof APIError && error.status !== undefined) {
    const type = error.type ?? 'error';
    const detail = error.apiMessage ?? error.message;
    return new DeskError('model_error', redact(`Claude API returned ${error.status} ${type}: ${detail}`), {
      status: error.status,
      type: error.type,
      requestId: error.requestID ?? undefined,
    }, { cause });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new DeskError('model_error', `Claude API at ${baseURL} timed out (after retries)`, {}, { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DeskError('model_error', redact(`Claude API call to ${baseURL} failed: ${reason}`), {}, { cause });
}
