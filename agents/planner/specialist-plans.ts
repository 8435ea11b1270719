import type { AssistantBlock } from '../providers/types.ts';
import type { Intent } from './intent.ts';
import * as replies from './replies.ts';

export interface ToolResultView {
  tool: string;
  isError: boolean;
  data: Record<string, any>;
  text: string;
}

type Step = { call: string; args: Record<string, unknown> } | { reply: string; control?: { name: string; input: Record<string, unknown> } };

/**
 * One specialist step: the first tool to call for the intent, or, once its result is in,
 * the reply worded from that result (and, for an approved order, a propose_order call).
 */
export function planSpecialist(agent: string, intent: Intent, results: ToolResultView[]): AssistantBlock[] {
  const last = results.at(-1);
  const step = last ? afterResult(intent, last) : firstCall(agent, intent);
  if ('call' in step) return [{ type: 'tool_use', id: '', name: step.call, input: step.args }];
  const blocks: AssistantBlock[] = [{ type: 'text', text: step.reply }];
  if (step.control) blocks.push({ type: 'tool_use', id: '', name: step.control.name, input: step.control.input });
  return blocks;
}

/** The offline planner's parameter grid for crossover sweeps and walk-forward tests: 3 × 3 sets, best Sharpe. */
const CROSSOVER_GRID = {
  method: 'grid',
  objective: { metric: 'sharpe', direction: 'maximize' },
  ranges: { fast: { values: [5, 10, 20] }, slow: { values: [30, 50, 100] } },
};

function firstCall(agent: string, intent: Intent): Step {
  switch (intent.kind) {
    case 'backtest': {
      const range = intent.from ? { from: intent.from, ...(intent.to ? { to: intent.to } : {}) } : { years: intent.years ?? 5 };
      return { call: 'run_backtest', args: { symbol: intent.symbol, strategy: intent.strategy, fast: intent.fast, slow: intent.slow, ...range } };
    }
    case 'order': {
      const limit = intent.limitPrice ? { type: 'limit', limitPrice: intent.limitPrice } : { type: 'market' };
      return { call: 'check_order', args: { symbol: intent.symbol, side: intent.side, quantity: intent.quantity, ...limit } };
    }
    case 'positions': return { call: 'get_positions', args: {} };
    case 'account': return { call: 'get_account', args: {} };
    case 'limits': return { call: 'get_limits', args: {} };
    case 'orders': return { call: 'list_orders', args: { limit: 20 } };
    case 'quote': return { call: 'get_quote', args: { symbol: intent.symbol } };
    case 'bars': return { call: 'get_bars', args: { symbol: intent.symbol, limit: intent.limit } };
    case 'symbols': return { call: 'list_symbols', args: {} };
    case 'close': return { call: 'get_positions', args: {} };
    case 'sweep': return { call: 'sweep', args: { strategy: intent.strategy, symbol: intent.symbol, years: 5, ...CROSSOVER_GRID } };
    case 'walk_forward': return { call: 'walk_forward', args: { strategy: intent.strategy, symbol: intent.symbol, years: 10, inSample: 504, outOfSample: 126, ...CROSSOVER_GRID } };
    case 'news': return { call: 'search_news', args: { query: intent.query, ...(intent.symbol ? { symbol: intent.symbol } : {}), limit: 5 } };
    case 'signal': return { call: 'symbol_signal', args: { symbol: intent.symbol } };
    case 'recall': return { call: 'search_decisions', args: { query: intent.query, ...(intent.symbol ? { symbol: intent.symbol } : {}), limit: 3 } };
    case 'risk_report': return { call: 'portfolio_risk', args: { method: intent.method, confidence: intent.confidence, horizonDays: intent.horizonDays } };
    case 'stress':
      if (intent.scenario === 'vol-spike-2008') return { call: 'stress_test', args: { scenario: 'vol-spike-2008' } };
      return { call: 'stress_test', args: intent.scenario === 'beta-scaled' ? { scenario: 'beta-scaled', marketShock: intent.shock } : { scenario: 'uniform', shock: intent.shock } };
    case 'optimize':
    case 'rebalance': return { call: 'optimize_portfolio', args: { symbols: intent.symbols, objective: intent.objective, years: 3 } };
    default: return { reply: `The ${agent} agent has no offline plan for this request. ${replies.HELP_TEXT}` };
  }
}

const WORDING: Record<string, (data: Record<string, any>) => string> = {
  run_backtest: replies.backtestReply,
  get_positions: replies.positionsReply,
  get_account: replies.accountReply,
  get_limits: replies.limitsReply,
  list_orders: replies.ordersReply,
  get_quote: replies.quoteReply,
  get_bars: replies.barsReply,
  list_symbols: replies.symbolsReply,
  portfolio_risk: replies.varReply,
  stress_test: replies.stressReply,
  optimize_portfolio: replies.optimizeReply,
  rebalance_orders: replies.rebalanceReply,
  sweep: replies.sweepReply,
  walk_forward: replies.walkForwardReply,
  search_news: replies.newsReply,
  symbol_signal: replies.signalReply,
  search_decisions: replies.recallReply,
};

function afterResult(intent: Intent, last: ToolResultView): Step {
  if (last.isError) return { reply: `The ${last.tool} tool refused the request: ${last.text}` };
  if (last.tool === 'check_order') return afterRiskCheck(last.data);
  if (intent.kind === 'close' && last.tool === 'get_positions') return closePosition(intent.symbol!, last.data);
  if (intent.kind === 'rebalance' && last.tool === 'optimize_portfolio') return { call: 'rebalance_orders', args: { targetWeights: last.data.weights } };
  const word = WORDING[last.tool];
  return { reply: word ? word(last.data) : `Done (${last.tool}).` };
}

function afterRiskCheck(result: Record<string, any>): Step {
  if (!result.approved) return { reply: replies.riskRefusalReply(result) };
  const order = result.order;
  return {
    reply: replies.proposalReply(result),
    control: { name: 'propose_order', input: { ...order, riskToken: result.approvalToken, rationale: 'user request' } },
  };
}

/** Close = an order for the whole position, the other way: sell a long, buy back a short. */
function closePosition(symbol: string, result: Record<string, any>): Step {
  const position = (result.positions as Array<Record<string, any>>).find((entry) => entry.symbol === symbol);
  if (!position || Number(position.quantity) === 0) return { reply: `You have no ${symbol} position to close.` };
  const long = !String(position.quantity).startsWith('-');
  return { call: 'check_order', args: { symbol, side: long ? 'sell' : 'buy', quantity: String(position.quantity).replace(/^-/, ''), type: 'market' } };
}
