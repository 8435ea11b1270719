import { describe, expect, it } from 'vitest';
import { formatPath, formatSpecIssues, StrategySpecSchema } from '../../core/index.ts';
import { getStrategy } from './library/index.ts';
import { parseStrategySpec } from './parse.ts';

/** The message lines parseStrategySpec throws for `value`. */
function issuesOf(value: unknown): string[] {
  try {
    parseStrategySpec(value);
  } catch (error) {
    return (error as { details: { issues: string[] } }).details.issues;
  }
  throw new Error('expected the spec to be refused');
}

const base = () => getStrategy('sma_crossover') as unknown as Record<string, unknown>;
const sma = (period: unknown) => ({ indicator: 'sma', input: { price: 'close' }, period });

describe('parseStrategySpec', () => {
  it('accepts every built-in spec unchanged', () => {
    const spec = getStrategy('macd_trend');
    expect(parseStrategySpec(spec)).toEqual(spec);
  });

  it('points at a bad indicator period inside the entry tree', () => {
    const spec = { ...base(), entry: { op: 'gt', args: [{ price: 'close' }, sma(0)] } };
    expect(issuesOf(spec)).toEqual(['entry.args[1].period: must be an integer >= 1']);
    expect(issuesOf({ ...spec, entry: { op: 'gt', args: [{ price: 'close' }, sma(2.5)] } })).toEqual(['entry.args[1].period: must be an integer >= 1']);
    expect(issuesOf({ ...spec, entry: { op: 'gt', args: [{ price: 'close' }, sma('ten')] } })).toEqual(['entry.args[1].period: must be an integer >= 1 or { "param": name }']);
  });

  it('names unknown indicators, ops and price fields with what is allowed', () => {
    const entry = { op: 'and', args: [{ op: 'gt', args: [{ indicator: 'smma', period: 3 }, 1] }, { op: 'xor', args: [] }] };
    const lines = issuesOf({ ...base(), entry, exit: { op: 'lt', args: [{ price: 'last' }, 1] } });
    expect(lines[0]).toMatch(/^entry\.args\[0\]\.args\[0\]\.indicator: unknown indicator "smma"; allowed: sma, ema, wma/);
    expect(lines[1]).toMatch(/^entry\.args\[1\]\.op: unknown op "xor"; allowed: gt, lt, gte, lte, crossAbove, crossBelow, and, or, not$/);
    expect(lines[2]).toBe('exit.args[0].price: must be one of open, high, low, close, volume');
  });

  it('refuses a true/false node where a number is needed, and the reverse', () => {
    const lines = issuesOf({ ...base(), entry: { op: 'gt', args: [{ op: 'lt', args: [1, 2] }, 1] }, exit: { price: 'close' } });
    expect(lines).toEqual([
      "entry.args[0].op: 'lt' gives true/false but a number is needed here; allowed: add, sub, mul, div",
      expect.stringMatching(/^exit: expected a true\/false expression: \{ "op": gt\|lt/),
    ]);
  });

  it('lists allowed keys for an unknown one and checks arity', () => {
    const lines = issuesOf({ ...base(), entry: { op: 'gt', args: [{ ...sma(3), length: 3 }] } });
    expect(lines).toEqual(['entry.args: must be [a, b]']);
    expect(issuesOf({ ...base(), entry: { op: 'gt', args: [{ ...sma(3), length: 3 }, 1] } })).toEqual([
      "entry.args[0]: unknown key 'length'; allowed: indicator, input, period",
    ]);
    expect(issuesOf({ ...base(), entry: { op: 'and', args: [{ op: 'gt', args: [1, 2] }] } })).toEqual(['entry.args: must list at least 2 conditions']);
  });

  it('checks the envelope: version, side, sizing, stops and parameter ranges', () => {
    const lines = issuesOf({
      ...base(), version: 2, side: 'flat', sizing: { kind: 'percent-equity', percent: 1.5 }, stops: { stopLoss: 1.2 },
      parameters: { fast: { default: 50, min: 1, max: 20 } },
    });
    expect(lines).toEqual(expect.arrayContaining([
      'version: must be 1 (the only spec version)',
      'side: must be long, short or long-short',
      'sizing.percent: must be a fraction in (0, 1]',
      'stops.stopLoss: must be a fraction < 1 (0.05 = 5%)',
      'parameters.fast.default: default must lie within [min, max]',
    ]));
    expect(issuesOf({ ...base(), sizing: { kind: 'fixed-shares' }, parameters: { '1x': { default: 1, min: 0, max: 2 } } })).toEqual(expect.arrayContaining([
      'sizing.shares: must be an integer >= 1',
      'parameters.1x: parameter names are letters, digits and _ (not starting with a digit)',
    ]));
    expect(issuesOf({ ...base(), sizing: { kind: 'martingale' } })).toEqual(['sizing.kind: must be one of all-in, fixed-shares (with shares), percent-equity (with percent), volatility-target (with target, lookback), kelly (with fraction, lookback, cap)']);
  });

  it('refuses a reference to an undeclared parameter', () => {
    const spec = { ...base(), parameters: { fast: { default: 10, min: 1, max: 50 } } };
    expect(issuesOf(spec)).toEqual([
      "entry.args[1].period.param: unknown parameter 'slow'; declared: fast",
      "exit.args[1].period.param: unknown parameter 'slow'; declared: fast",
    ]);
  });

  it('throws an invalid_input DeskError whose message carries every line', () => {
    expect(() => parseStrategySpec({ ...base(), side: 'flat' })).toThrow(expect.objectContaining({ code: 'invalid_input', message: 'invalid strategy spec:\nside: must be long, short or long-short' }));
  });
});

describe('parseStrategySpec: sizing, long-short, entry orders, rotation and pairs', () => {
  it('accepts the new sizing kinds and refuses their bad fields', () => {
    expect(parseStrategySpec({ ...base(), sizing: { kind: 'volatility-target', target: 0.15, lookback: 20 } }).sizing.kind).toBe('volatility-target');
    expect(issuesOf({ ...base(), sizing: { kind: 'kelly', fraction: 1.5, lookback: 1, cap: 0.5 } })).toEqual([
      'sizing.fraction: must be a fraction in (0, 1]', 'sizing.lookback: must be an integer >= 2',
    ]);
  });

  it('needs both short rules for long-short, and only there', () => {
    expect(issuesOf({ ...base(), side: 'long-short' })).toEqual(['side: long-short needs shortEntry and shortExit']);
    const rule = { op: 'gt', args: [{ price: 'close' }, 1] };
    expect(issuesOf({ ...base(), shortEntry: rule })).toEqual(['shortEntry: only used with side long-short']);
    expect(parseStrategySpec({ ...base(), side: 'long-short', shortEntry: rule, shortExit: rule }).side).toBe('long-short');
  });

  it('checks entry orders, rotation and pairs, and the parameters they name', () => {
    expect(issuesOf({ ...base(), entryOrder: { type: 'trailing', offset: 2 } })).toEqual(['entryOrder.type: must be market, limit or stop', 'entryOrder.offset: must be a fraction < 1']);
    expect(issuesOf({ ...base(), rotation: { rank: { indicator: 'roc', period: 20 }, top: { param: 'n' }, rebalance: 'yearly' } })).toEqual([
      'rotation.rebalance: must be daily, weekly or monthly',
    ]);
    expect(issuesOf({ ...base(), rotation: { rank: { indicator: 'roc', period: 20 }, top: { param: 'n' }, rebalance: 'monthly' } })).toEqual([
      "rotation.top.param: unknown parameter 'n'; declared: fast, slow",
    ]);
    expect(issuesOf({ ...base(), pairs: { hedgeRatio: 'ols' } })).toEqual(['pairs.hedgeRatio: must be a number, { "param": name } or { "rolling": bars } (OLS beta of A on B over that many bars)']);
    expect(issuesOf({ ...base(), pairs: { hedgeRatio: 1 }, rotation: { rank: 1, top: 1, rebalance: 'daily' } })).toEqual(['pairs: a spec has rotation or pairs, not both']);
  });
});

describe('formatSpecIssues', () => {
  it('writes array indexes in brackets and the root as (spec)', () => {
    expect(formatPath(['entry', 'args', 1, 'period'])).toBe('entry.args[1].period');
    expect(formatPath([])).toBe('(spec)');
    const result = StrategySpecSchema.safeParse('not a spec');
    expect(result.success).toBe(false);
    expect(formatSpecIssues(result.error!)).toEqual([expect.stringMatching(/^\(spec\): /)]);
  });
});
