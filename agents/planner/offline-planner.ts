import type { AssistantBlock, ModelMessage, ModelProvider, ModelRequest, ModelResponse } from '../providers/types.ts';
import { parseIntent, splitSteps, type Intent } from './intent.ts';
import { planSpecialist, type ToolResultView } from './specialist-plans.ts';
import { HELP_TEXT } from './replies.ts';

export const OFFLINE_MODEL = 'offline-planner-v1';

/**
 * A deterministic ModelProvider: turns the documented command language into the same
 * tool_use blocks a model would emit, so one agent loop serves Claude and offline runs.
 * It never sees or invents numbers: replies are worded from tool results.
 */
export function createOfflinePlanner(): ModelProvider {
  let counter = 0;
  const nextId = (): string => `offline_${(counter += 1).toString(36)}`;
  return {
    mode: 'offline',
    model: OFFLINE_MODEL,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const blocks = request.agent === 'supervisor' ? planSupervisor(request.messages) : planSpecialistTurn(request);
      const content = blocks.map((block) => (block.type === 'tool_use' ? { ...block, id: nextId() } : block));
      const stopReason = content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
      return { id: nextId(), content, stopReason, model: OFFLINE_MODEL, usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 } };
    },
  };
}

function firstUserText(messages: ModelMessage[]): string {
  const first = messages[0];
  if (!first || first.role !== 'user') return '';
  return typeof first.content === 'string' ? first.content : first.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

function tagged(text: string, tag: string): string | null {
  return new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(text)?.[1]?.trim() ?? null;
}

const ROUTES: Partial<Record<Intent['kind'], string>> = {
  backtest: 'strategy', order: 'execution', orders: 'execution', close: 'execution', positions: 'risk', account: 'risk', limits: 'risk',
  risk_report: 'risk', stress: 'risk', optimize: 'risk', rebalance: 'risk', quote: 'research', bars: 'research', symbols: 'research',
  sweep: 'strategy', walk_forward: 'strategy', news: 'signals', signal: 'signals', recall: 'signals',
};

/**
 * The supervisor's plan: split the request into steps, route the next one not yet completed
 * (one `<completed>` entry per finished step), and finish when all are done. A step with a
 * missing detail stops the plan with a question.
 */
function planSupervisor(messages: ModelMessage[]): AssistantBlock[] {
  const prompt = firstUserText(messages);
  const request = tagged(prompt, 'request') ?? prompt;
  const steps = splitSteps(request);
  const done = prompt.split('<completed').length - 1;
  if (done >= steps.length) return [finish({})];
  const step = steps[done];
  const intent = parseIntent(step);
  const question = missingDetail(intent);
  if (question) return [finish({ question })];
  const agent = ROUTES[intent.kind];
  if (agent) return [{ type: 'tool_use', id: '', name: 'route_to_specialist', input: { agent, task: step } }];
  if (intent.kind === 'help') return [finish({ reply: HELP_TEXT })];
  return [finish({ reply: `The offline planner does not understand "${request}". ${HELP_TEXT}` })];
}

function missingDetail(intent: Intent): string | null {
  if (intent.kind === 'order' && !intent.symbol) return `Which symbol do you want to ${intent.side}?`;
  if (intent.kind === 'order' && !intent.quantity) return `How many shares of ${intent.symbol} do you want to ${intent.side}?`;
  if (intent.kind === 'close' && !intent.symbol) return 'Which position do you want to close?';
  if ((intent.kind === 'backtest' || intent.kind === 'quote' || intent.kind === 'bars' || intent.kind === 'sweep' || intent.kind === 'walk_forward' || intent.kind === 'signal') && !intent.symbol) return 'Which symbol?';
  if (intent.kind === 'optimize' && intent.symbols.length < 2) return 'Which symbols should the portfolio hold (at least two)?';
  if (intent.kind === 'rebalance' && intent.symbols.length < 2) return 'Which symbols should the rebalanced portfolio hold (at least two)?';
  return null;
}

function finish(input: Record<string, string>): AssistantBlock {
  return { type: 'tool_use', id: '', name: 'finish', input };
}

function planSpecialistTurn(request: ModelRequest): AssistantBlock[] {
  const prompt = firstUserText(request.messages);
  const task = tagged(prompt, 'task') ?? prompt;
  return planSpecialist(request.agent, parseIntent(task), toolResults(request.messages));
}

/** Pair each tool_use with its tool_result, oldest first. */
function toolResults(messages: ModelMessage[]): ToolResultView[] {
  const names = new Map<string, string>();
  const views: ToolResultView[] = [];
  for (const message of messages) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) {
      if (block.type === 'tool_use') names.set(block.id, block.name);
      if (block.type === 'tool_result') views.push({ tool: names.get(block.tool_use_id) ?? '', isError: block.is_error === true, data: parseJson(block.content), text: block.content });
    }
  }
  return views;
}

/** A tool result's JSON: the whole text, or (after a notice such as the quoted-news one) its last JSON line. */
function parseJson(text: string): Record<string, any> {
  for (const candidate of [text, ...text.split('\n').reverse()]) {
    try {
      const value = JSON.parse(candidate);
      if (value && typeof value === 'object') return value;
    } catch {
      // not JSON: try the next candidate
    }
  }
  return {};
}
