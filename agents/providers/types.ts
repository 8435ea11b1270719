/**
 * The model-provider port. Shapes follow the Anthropic Messages API so that Claude and the
 * deterministic offline planner emit the same tool_use blocks and one agent loop serves both.
 */
export type TextBlock = { type: 'text'; text: string };
export type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };
export type ToolResultBlock = { type: 'tool_result'; tool_use_id: string; content: string; is_error?: boolean };
export type AssistantBlock = TextBlock | ToolUseBlock;

export type ModelMessage =
  | { role: 'user'; content: string | Array<TextBlock | ToolResultBlock> }
  | { role: 'assistant'; content: string | AssistantBlock[] };

/** A tool as the model sees it (name, description, JSON Schema of the input). */
export interface ToolDefinition {
  name: string;
  description: string;
  input_schema: { type: 'object'; properties?: Record<string, unknown>; required?: string[]; [key: string]: unknown };
}

export interface ModelRequest {
  /** Which agent is asking; the offline planner dispatches on it, Claude ignores it. */
  agent: string;
  system: string;
  messages: ModelMessage[];
  tools: ToolDefinition[];
  maxTokens?: number;
}

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface ModelResponse {
  id: string;
  content: AssistantBlock[];
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'pause_turn';
  model: string;
  usage: ModelUsage;
}

export interface ModelProvider {
  /** 'claude' when a real model answers, 'offline' for the deterministic planner, 'replay' for recorded Claude responses. */
  readonly mode: 'claude' | 'offline' | 'replay';
  readonly model: string;
  complete(request: ModelRequest): Promise<ModelResponse>;
}
