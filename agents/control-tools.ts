import type { ToolDefinition } from './providers/types.ts';

/**
 * Control tools are not MCP tools: they are how a model hands a structured decision back to the
 * graph (route, finish, propose an order). Calling one ends the agent's turn.
 */
export const ROUTE_TOOL: ToolDefinition = {
  name: 'route_to_specialist',
  description: 'Send the request (or one step of it) to a specialist: research (prices, symbols, bars, data quality), signals (news, sentiment, events, past decisions), strategy (backtests, sweeps, walk-forward, strategy versions), risk (positions, account, limits, VaR, stress, optimize, rebalance), execution (buy/sell/close orders, order status, cancel, fills).',
  input_schema: {
    type: 'object',
    properties: {
      agent: { type: 'string', enum: ['research', 'signals', 'strategy', 'risk', 'execution'] },
      task: { type: 'string', description: 'What the specialist should do, in the user\'s terms, with symbol and quantities' },
    },
    required: ['agent', 'task'],
  },
};

export const FINISH_TOOL: ToolDefinition = {
  name: 'finish',
  description: 'End the turn. Give `question` to ask the user for missing details (which symbol? how many shares?), or `reply` only for help text; specialists\' approved replies are returned as they are.',
  input_schema: {
    type: 'object',
    properties: { reply: { type: 'string' }, question: { type: 'string' } },
  },
};

export const PROPOSE_ORDER_TOOL: ToolDefinition = {
  name: 'propose_order',
  description: 'Propose an order that check_order approved, for the critic (and possibly a human) to review before it is placed. Copy the order fields and approvalToken exactly from the check_order result.',
  input_schema: {
    type: 'object',
    properties: {
      clientOrderId: { type: 'string' },
      symbol: { type: 'string' },
      side: { type: 'string', enum: ['buy', 'sell'] },
      quantity: { type: 'string' },
      type: { type: 'string', enum: ['market', 'limit'] },
      limitPrice: { type: 'string' },
      riskToken: { type: 'string' },
      rationale: { type: 'string' },
    },
    required: ['clientOrderId', 'symbol', 'side', 'quantity', 'type', 'riskToken'],
  },
};

export const CONTROL_TOOL_NAMES = new Set([ROUTE_TOOL.name, FINISH_TOOL.name, PROPOSE_ORDER_TOOL.name]);
