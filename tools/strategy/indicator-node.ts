import type { IndicatorNode, NumExpr } from '../../core/index.ts';
import * as indicators from '../indicators/index.ts';

/** Evaluates an input expression (memoized by the caller). */
export type Evaluate = (expression: NumExpr) => Float64Array;
type Outputs = Record<string, Float64Array>;

const price = (field: 'high' | 'low' | 'close' | 'volume'): NumExpr => ({ price: field });

/**
 * Every output of an indicator node, by name; single-output indicators give `value`. Omitted
 * inputs default to the price field of the same name (`input` to close); omitted options take
 * the indicator's own defaults. `output` is ignored here so line and signal of one MACD share a
 * computation.
 */
export function computeIndicator(node: IndicatorNode, evaluate: Evaluate): Outputs {
  const input = (expression: NumExpr | undefined, field: 'high' | 'low' | 'close' | 'volume') => evaluate(expression ?? price(field));
  const hlc = () => {
    const bars = node as { high?: NumExpr; low?: NumExpr; close?: NumExpr };
    return { high: input(bars.high, 'high'), low: input(bars.low, 'low'), close: input(bars.close, 'close') };
  };
  switch (node.indicator) {
    case 'sma': case 'ema': case 'wma': case 'rsi': case 'roc': case 'rollingMin': case 'rollingMax':
      return { value: indicators[node.indicator](input(node.input, 'close'), node.period as number) };
    case 'rollingStd': case 'rollingZScore':
      return { value: indicators[node.indicator](input(node.input, 'close'), node.period as number, { sample: node.sample }) };
    case 'macd':
      return indicators.macd(input(node.input, 'close'), { fast: node.fast as number | undefined, slow: node.slow as number | undefined, signal: node.signal as number | undefined });
    case 'bollinger':
      return indicators.bollinger(input(node.input, 'close'), { period: node.period as number | undefined, k: node.k as number | undefined });
    case 'atr': case 'cci':
      return { value: indicators[node.indicator](hlc(), node.period as number) };
    case 'stochastic':
      return indicators.stochastic(hlc(), { kPeriod: node.kPeriod as number | undefined, slowKPeriod: node.slowKPeriod as number | undefined, dPeriod: node.dPeriod as number | undefined });
    case 'adx':
      return indicators.adx(hlc(), node.period as number);
    case 'obv':
      return { value: indicators.obv(input(node.close, 'close'), input(node.volume, 'volume')) };
    case 'vwap':
      return { value: indicators.vwap({ ...hlc(), volume: input(node.volume, 'volume') }) };
  }
}

/** The output an indicator node asks for (its `output`, or the indicator's main line). */
export function indicatorOutput(node: IndicatorNode): string {
  const chosen = 'output' in node ? node.output : undefined;
  if (chosen !== undefined) return chosen;
  const main: Partial<Record<IndicatorNode['indicator'], string>> = { macd: 'macd', bollinger: 'middle', stochastic: 'slowK', adx: 'adx' };
  return main[node.indicator] ?? 'value';
}
