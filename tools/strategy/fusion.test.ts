import { describe, expect, it } from 'vitest';
import type { FusionNode, NumExpr } from '../../core/index.ts';
import { compileSpec } from './compile.ts';
import { fusionContributions } from './contributions.ts';
import { evaluateSignals, numericEvaluator } from './evaluate.ts';
import { parseStrategySpec } from './parse.ts';
import { handSeries, specWith } from './test-series.ts';

// closes     1    2    3   4    5    4    3    2    3    4
// sentiment 0.1  0.5 -0.2  0   0.3 -0.4  0.2  0.9 -0.1  0
const series = handSeries();
const sentiment = Object.fromEntries(series.dates.map((date, index) => [date, [0.1, 0.5, -0.2, 0, 0.3, -0.4, 0.2, 0.9, -0.1, 0][index]]));
const close: NumExpr = { price: 'close' };
const momentum: NumExpr = { op: 'sub', args: [close, { lag: close, bars: 1 }] };
const fused = (node: FusionNode) => Array.from(numericEvaluator(series, { sentiment })(node));
const votes: FusionNode = { fuse: 'votes', components: [{ name: 'momentum', input: momentum }, { name: 'news', input: { external: 'sentiment' } }] };

describe('fusion of signals', () => {
  it('sums weighted signals', () => {
    // 0.5 × close + 2 × sentiment
    const values = fused({ fuse: 'weights', components: [{ name: 'price', input: close, weight: 0.5 }, { name: 'news', input: { external: 'sentiment' }, weight: 2 }] });
    [0.7, 2, 1.1, 2, 3.1, 1.2, 1.9, 2.8, 1.3, 2].forEach((expected, index) => expect(values[index]).toBeCloseTo(expected, 12));
  });

  it('averages the weighted signs of the signals as votes', () => {
    // momentum signs: NaN + + + + − − − + + ; sentiment signs: + + − 0 + − + + − 0 ; (sum) / 2
    expect(fused(votes)).toEqual([Number.NaN, 1, 0, 0.5, 1, -1, 0, 0, 0, 0.5]);
    const weighted = fused({ ...votes, components: [{ ...votes.components[0], weight: 3 }, votes.components[1]] });
    expect(weighted.slice(1, 4)).toEqual([1, 0.5, 0.75]); // (3·1 + 1·(−1)) / 4 at bar 2; (3 + 0) / 4 at bar 3
  });

  it('scores rolling percentile ranks in [-1, 1]', () => {
    // lookback 3: 2 × (how many of the previous 2 closes are <= this one) / 2 − 1
    expect(fused({ fuse: 'ranks', lookback: 3, components: [{ name: 'price', input: close }] })).toEqual([Number.NaN, Number.NaN, 1, 1, 1, 0, -1, -1, 1, 1]);
  });

  it('drives entries, and reports each component’s share of the fused score on entry bars', () => {
    const spec = specWith({ op: 'gt', args: [votes, 0.4] }, { op: 'lt', args: [votes, 0] });
    expect(Array.from(evaluateSignals(spec, series, {}, { sentiment }).entry)).toEqual([0, 1, 0, 1, 1, 0, 0, 0, 0, 1]);
    // Entry bars 1, 3, 4, 9: momentum parts 0.5 each (|Σ| 2); news parts 0.5, 0, 0.5, 0 (|Σ| 1).
    expect(fusionContributions(spec, series, {}, { sentiment })).toEqual([
      { path: 'entry.args[0]', method: 'votes', entryBars: 4, components: [
        { name: 'momentum', weight: 1, share: 2 / 3, meanContribution: 0.5 },
        { name: 'news', weight: 1, share: 1 / 3, meanContribution: 0.25 },
      ] },
      { path: 'exit.args[0]', method: 'votes', entryBars: 4, components: expect.any(Array) },
    ]);
  });

  it('binds weights and lookbacks to parameters', () => {
    const node: FusionNode = { fuse: 'ranks', lookback: { param: 'level' }, components: [{ name: 'price', input: close, weight: { param: 'level' } }] };
    const compiled = compileSpec(specWith({ op: 'gt', args: [node, 0] }), { level: 3 });
    expect(compiled.entry).toEqual({ op: 'gt', args: [{ fuse: 'ranks', lookback: 3, components: [{ name: 'price', input: close, weight: 3 }] }, 0] });
    expect(() => compileSpec(specWith({ op: 'gt', args: [node, 0] }), { level: 2.5 })).toThrow(/entry\.args\[0\]\.lookback: parameter 'level' = 2\.5 is used as a bar count/);
  });

  it('refuses malformed fusions with the path and what is allowed', () => {
    const issues = (entry: unknown) => {
      try {
        parseStrategySpec({ ...specWith({ op: 'gt', args: [close, 1] }), entry });
        return [];
      } catch (error) {
        return (error as { details: { issues: string[] } }).details.issues;
      }
    };
    expect(issues({ op: 'gt', args: [{ ...votes, fuse: 'sum' }, 0] })).toEqual(['entry.args[0].fuse: must be one of weights, ranks, votes']);
    expect(issues({ op: 'gt', args: [{ fuse: 'votes', components: [votes.components[0], votes.components[0]] }, 0] })).toEqual(['entry.args[0].components: component names must be unique']);
    expect(issues({ op: 'gt', args: [{ fuse: 'votes', components: [] }, 0] })).toEqual(['entry.args[0].components: must list at least 1 component']);
    expect(issues({ op: 'gt', args: [{ fuse: 'weights', components: [{ name: 'x', input: close, weight: { param: 'w' } }] }, 0] })).toEqual([
      "entry.args[0].components[0].weight.param: unknown parameter 'w'; declared: level",
    ]);
    expect(issues({ op: 'gt', args: [{ fuse: 'weights', components: [{ name: 'x', signal: close }] }, 0] })).toEqual([
      expect.stringMatching(/^entry\.args\[0\]\.components\[0\]\.input: expected a numeric expression/),
      "entry.args[0].components[0]: unknown key 'signal'; allowed: name, input, weight",
    ]);
  });
});
