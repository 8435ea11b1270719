import { describe, expect, it, vi } from 'vitest';
import type { NumExpr } from '../../core/index.ts';
import { evaluateSignals } from './evaluate.ts';
import { handSeries, specWith } from './test-series.ts';

vi.mock('../indicators/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../indicators/index.ts')>();
  return { ...original, sma: vi.fn(original.sma), macd: vi.fn(original.macd) };
});
const indicators = await import('../indicators/index.ts');

describe('evaluateSignals shares identical computations', () => {
  it('computes an indicator once however often (and however spelled) it appears', () => {
    const byParam: NumExpr = { indicator: 'sma', input: { price: 'close' }, period: { param: 'level' } };
    const literal: NumExpr = { period: 3, input: { price: 'close' }, indicator: 'sma' }; // same node, other key order
    vi.mocked(indicators.sma).mockClear();
    evaluateSignals(specWith({ op: 'gt', args: [byParam, 1] }, { op: 'crossBelow', args: [{ price: 'close' }, literal] }), handSeries());
    expect(indicators.sma).toHaveBeenCalledTimes(1);
  });

  it('computes a MACD once for its line and its signal', () => {
    const line = (output: 'macd' | 'signal'): NumExpr => ({ indicator: 'macd', fast: 2, slow: 3, signal: 2, output });
    vi.mocked(indicators.macd).mockClear();
    evaluateSignals(specWith({ op: 'crossAbove', args: [line('macd'), line('signal')] }, { op: 'crossBelow', args: [line('macd'), line('signal')] }), handSeries());
    expect(indicators.macd).toHaveBeenCalledTimes(1);
  });
});
