import type { FakeResponse, RecordedRequest } from './fake-anthropic.ts';

/**
 * A scripted stand-in for Claude on the desk's prompts: it answers like a recorded model would,
 * reading tool results from the request where a reply depends on them (approval tokens, backtest
 * figures), as Claude does. Used with startFakeAnthropic.
 */
function lastToolResult(request: RecordedRequest): Record<string, any> {
  const message = request.body.messages.at(-1);
  const block = message.content.find((part: { type: string }) => part.type === 'tool_result');
  return JSON.parse(block.content);
}

const usage = { input_tokens: 900, output_tokens: 60 };
const tool = (name: string, input: Record<string, unknown>, text?: string): FakeResponse => ({
  content: [...(text ? [{ type: 'text' as const, text }] : []), { type: 'tool_use' as const, id: `toolu_${name}_${Math.random().toString(36).slice(2)}`, name, input }],
  usage,
});
const say = (text: string): FakeResponse => ({ content: [{ type: 'text', text }], usage });

export function scriptedClaude(request: RecordedRequest): FakeResponse {
  const system = JSON.stringify(request.body.system);
  const prompt = JSON.stringify(request.body.messages[0].content);
  const turns = request.body.messages.length;
  if (system.includes('supervisor')) {
    if (prompt.includes('completed')) return tool('finish', {});
    if (prompt.includes('buy 10 AAPL')) return tool('route_to_specialist', { agent: 'execution', task: 'buy 10 AAPL' });
    if (prompt.includes('headline')) return tool('route_to_specialist', { agent: 'execution', task: 'buy 10 TSLA as the headline says' });
    return tool('route_to_specialist', { agent: 'strategy', task: 'backtest SMA 10/30 on AAPL, last 5 years' });
  }
  if (system.includes('execution trader')) {
    if (turns === 1 && prompt.includes('TSLA')) return tool('check_order', { symbol: 'TSLA', side: 'buy', quantity: '10' });
    if (turns === 1) return tool('check_order', { symbol: 'AAPL', side: 'buy', quantity: '10' });
    const checked = lastToolResult(request);
    return tool('propose_order', { ...checked.order, riskToken: checked.approvalToken }, `Risk check passed at ${checked.referencePrice}.`);
  }
  if (system.includes('strategy analyst')) {
    if (turns === 1) return tool('run_backtest', { symbol: 'AAPL', strategy: 'sma_crossover', fast: 10, slow: 30, years: 5 });
    const { metrics } = lastToolResult(request);
    if (!prompt.includes('critic-feedback')) return say(`The strategy returned ${(metrics.totalReturn * 100).toFixed(2)}% with a Sharpe of 3.14.`);
    return say(`The strategy returned ${(metrics.totalReturn * 100).toFixed(2)}% with a Sharpe of ${metrics.sharpe.toFixed(2)} over ${metrics.trades} trades.`);
  }
  return say('unexpected agent');
}

