import type { AgentName, ToolCallRecord } from '../core/index.ts';
import { CONTROL_TOOL_NAMES } from './control-tools.ts';
import type { Toolbox } from './mcp/toolbox.ts';
import type { AssistantBlock, ModelMessage, ModelProvider, ToolDefinition, ToolResultBlock } from './providers/types.ts';

export interface ControlCall {
  name: string;
  input: Record<string, unknown>;
}

export interface AgentRun {
  agent: AgentName;
  reply: string;
  toolCalls: ToolCallRecord[];
  control: ControlCall | null;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  stoppedBy: 'end_turn' | 'control' | 'max_steps' | 'max_tokens';
}

export interface AgentLoopInput {
  agent: AgentName;
  system: string;
  provider: ModelProvider;
  toolbox: Toolbox;
  controlTools: readonly ToolDefinition[];
  /** The user turn the agent works on (request, context, critic feedback). */
  prompt: string;
  maxSteps?: number;
}

/**
 * The one agent loop for Claude and the offline planner: ask the model, run the tool_use blocks
 * through the agent's allowlisted MCP toolbox, feed results back, until the model ends its turn
 * or calls a control tool.
 */
export async function runAgentLoop(input: AgentLoopInput): Promise<AgentRun> {
  const started = performance.now();
  const tools = [...input.toolbox.definitions(), ...input.controlTools];
  const messages: ModelMessage[] = [{ role: 'user', content: input.prompt }];
  const run: AgentRun = { agent: input.agent, reply: '', toolCalls: [], control: null, model: input.provider.model, inputTokens: 0, outputTokens: 0, latencyMs: 0, stoppedBy: 'max_steps' };
  for (let step = 0; step < (input.maxSteps ?? 8); step += 1) {
    const response = await input.provider.complete({ agent: input.agent, system: input.system, messages, tools });
    run.model = response.model;
    run.inputTokens += response.usage.inputTokens;
    run.outputTokens += response.usage.outputTokens;
    run.reply = textOf(response.content) || run.reply;
    messages.push({ role: 'assistant', content: response.content });
    const uses = response.content.filter((block) => block.type === 'tool_use');
    const control = uses.find((block) => CONTROL_TOOL_NAMES.has(block.name));
    if (control) {
      run.control = { name: control.name, input: control.input };
      run.stoppedBy = 'control';
      break;
    }
    if (uses.length === 0) {
      run.stoppedBy = response.stopReason === 'max_tokens' ? 'max_tokens' : 'end_turn';
      break;
    }
    messages.push({ role: 'user', content: await runTools(uses, input.toolbox, run.toolCalls) });
  }
  run.latencyMs = performance.now() - started;
  return run;
}

async function runTools(uses: Array<Extract<AssistantBlock, { type: 'tool_use' }>>, toolbox: Toolbox, records: ToolCallRecord[]): Promise<ToolResultBlock[]> {
  const results: ToolResultBlock[] = [];
  for (const use of uses) {
    try {
      const outcome = await toolbox.call(use.name, use.input);
      records.push({ id: use.id, server: outcome.server, tool: use.name, arguments: use.input, result: outcome.result, isError: outcome.isError, latencyMs: outcome.latencyMs });
      results.push({ type: 'tool_result', tool_use_id: use.id, content: outcome.text, is_error: outcome.isError || undefined });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      records.push({ id: use.id, server: 'none', tool: use.name, arguments: use.input, result: { error: message }, isError: true, latencyMs: 0 });
      results.push({ type: 'tool_result', tool_use_id: use.id, content: message, is_error: true });
    }
  }
  return results;
}

function textOf(blocks: AssistantBlock[]): string {
  return blocks
    .filter((block) => block.type === 'text')
    .map((block) => block.text)
    .join('\n')
    .trim();
}
