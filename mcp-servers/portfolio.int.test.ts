import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../apps/runtime/servers.ts';
import { openTestDesk } from '../test-support/desk.ts';
import { greedyAllocation, lpAllocation, maxSharpe, hierarchicalRiskParity, ledoitWolfCovariance, meanHistoricalReturn, rebalanceOrders, returnsFromPrices, sampleCorrelation, sampleCovariance } from '../tools/optimize/index.ts';
import {
  applyShockScenario, buildRiskBook, historicalVar, monteCarloVar, parametricVar, portfolioBeta, portfolioVolatility, positionBetas, riskContributions, VOLATILITY_SPIKE_2008, volatilitySpikeVar,
} from '../tools/portfolio-risk/index.ts';
import { connectInProcess } from './index.ts';
import { loadLpSolver } from './optimize/lp-solver.ts';

type Result = { isError?: boolean; structuredContent?: Record<string, any>; content: Array<{ type: string; text?: string }> };

describe('optimize and portfolio risk tools over a real client (embedded database)', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let optimize: Client;
  let risk: Client;
  const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;
  const held = { AAPL: 100, MSFT: -20, SPY: 30 };

  /** Closes of `symbols` on the dates all of them share, the last `days` + 1 of them. */
  const alignedCloses = async (symbols: string[], days: number) => {
    const series = await Promise.all(symbols.map((symbol) => desk.serverDeps.bars.getBars(symbol)));
    const maps = series.map((entry) => new Map(entry.dates.map((date, index) => [date, entry.close[index]])));
    const dates = series[0].dates.filter((date) => maps.every((map) => map.has(date))).slice(-(days + 1));
    const returns = maps.map((map) => Float64Array.from(dates.slice(1), (date, index) => map.get(date)! / map.get(dates[index])! - 1));
    const latest = series.map((entry) => entry.close[entry.close.length - 1]);
    return { dates, returns, latest };
  };
  const directBook = async (days = 252) => {
    const symbols = Object.keys(held);
    const { returns, latest } = await alignedCloses([...symbols, 'SPY'], days);
    const book = buildRiskBook(symbols.map((symbol, index) => ({ symbol, quantity: held[symbol as keyof typeof held], price: latest[index] })), Object.fromEntries(symbols.map((symbol, index) => [symbol, returns[index]])));
    return { book, benchmark: returns[returns.length - 1] };
  };

  beforeAll(async () => {
    desk = await openTestDesk('embedded');
    optimize = await connectInProcess(createServer('optimize', desk.serverDeps), 'test');
    risk = await connectInProcess(createServer('risk', desk.serverDeps), 'test');
    await desk.serverDeps.execution.transaction(async (tx) => {
      for (const [symbol, quantity] of Object.entries(held)) {
        await tx.savePosition({ symbol, quantity: String(quantity), averagePrice: '100', realizedPnl: '0', updatedAt: '2026-01-05T14:30:00.000Z' });
      }
    });
  });
  afterAll(async () => desk?.close());

  it('declares every optimize and new risk tool read-only, and the desk offers them', async () => {
    const { tools } = await optimize.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['discrete_allocation', 'optimize_portfolio', 'rebalance_orders']);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true && tool.annotations?.destructiveHint !== true)).toBe(true);
    const riskTools = (await risk.listTools()).tools.filter((tool) => ['portfolio_risk', 'stress_test'].includes(tool.name));
    expect(riskTools.map((tool) => tool.annotations?.readOnlyHint)).toEqual([true, true]);
    expect(desk.tools.optimize).toEqual(['optimize_portfolio', 'discrete_allocation', 'rebalance_orders']);
  });

  it('optimizes stored closes on a shared calendar exactly as the tools functions do', async () => {
    const result = await call(optimize, 'optimize_portfolio', { symbols: ['AAPL', 'MSFT', 'JPM', 'SPY'], years: 2, objective: 'max-sharpe', riskModel: 'ledoit-wolf' });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent!;
    const series = await Promise.all(['AAPL', 'MSFT', 'JPM', 'SPY'].map((symbol) => desk.serverDeps.bars.getBars(symbol, { from: out.from })));
    const table = { dates: series[0].dates, tickers: ['AAPL', 'MSFT', 'JPM', 'SPY'], prices: series[0].dates.map((_, row) => series.map((entry) => entry.close[row])) };
    expect(series.every((entry) => entry.dates.join() === table.dates.join())).toBe(true);
    const returns = returnsFromPrices(table);
    const direct = maxSharpe({ tickers: table.tickers, expectedReturns: meanHistoricalReturn(returns), covariance: ledoitWolfCovariance(returns).covariance, weightBounds: [0, 1], riskFreeRate: 0.02 });
    expect(out.weights).toEqual(direct.weights);
    expect(out.sharpe).toBeCloseTo(direct.sharpe, 12);
    expect(out.expectedReturn).toBeCloseTo(direct.expectedReturn, 12);
    expect(out.volatility).toBeCloseTo(direct.volatility, 12);
    expect(out.observations).toBe(returns.returns.length);
  });

  it('optimizes an explicit wide table with gaps (hrp)', async () => {
    const prices = { dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09'], tickers: ['AAA', 'BBB', 'CCC'], prices: [[100, 50, null], [101, 49.5, null], [102.5, 50.2, 20], [101.8, 51, 20.4], [103, 50.6, 20.1], [104.1, 51.3, 20.6]] };
    const result = await call(optimize, 'optimize_portfolio', { prices, objective: 'hrp' });
    const returns = returnsFromPrices(prices);
    const direct = hierarchicalRiskParity({ tickers: prices.tickers, covariance: sampleCovariance(returns), correlation: sampleCorrelation(returns), expectedReturns: meanHistoricalReturn(returns), riskFreeRate: 0.02 });
    expect(result.structuredContent!.weights).toEqual(direct.weights);
    const missingTarget = await call(optimize, 'optimize_portfolio', { prices, objective: 'efficient-return' });
    expect(missingTarget.isError).toBe(true);
    expect(missingTarget.content[0].text).toMatch(/target/);
  });

  it('allocates whole shares at the latest stored closes', async () => {
    const weights = { AAPL: 0.5, MSFT: 0.3, JPM: 0.2 };
    const result = await call(optimize, 'discrete_allocation', { weights, totalValue: 100_000 });
    const latestPrices = Object.fromEntries(await Promise.all(Object.keys(weights).map(async (symbol) => [symbol, (await desk.serverDeps.bars.latestClose(symbol))!.close])));
    const direct = greedyAllocation({ weights, latestPrices, totalValue: 100_000 });
    expect(result.structuredContent).toMatchObject({ shares: direct.shares, latestPrices });
    expect(result.structuredContent!.leftover).toBeCloseTo(direct.leftover, 9);
    const lp = await call(optimize, 'discrete_allocation', { weights, totalValue: 100_000, method: 'lp' });
    const exact = lpAllocation({ weights, latestPrices, totalValue: 100_000 }, await loadLpSolver());
    expect(lp.structuredContent).toMatchObject({ method: 'lp', shares: exact.shares });
    const deviation = (shares: Record<string, number>, leftover: number) => leftover + Object.entries(weights).reduce((sum, [ticker, weight]) => sum + Math.abs(weight * 100_000 - (shares[ticker] ?? 0) * latestPrices[ticker]), 0);
    expect(deviation(exact.shares, exact.leftover)).toBeLessThanOrEqual(deviation(direct.shares, direct.leftover) + 1e-9);
  });

  it('proposes rebalance orders from stored positions and cash, and places none', async () => {
    const targetWeights = { AAPL: 0.3, JPM: 0.3 };
    const result = await call(optimize, 'rebalance_orders', { targetWeights });
    const symbols = ['AAPL', 'JPM', 'MSFT', 'SPY'];
    const latestPrices = Object.fromEntries(await Promise.all(symbols.map(async (symbol) => [symbol, (await desk.serverDeps.bars.latestClose(symbol))!.close])));
    const cash = Number((await desk.serverDeps.execution.getAccount()).cash);
    const direct = rebalanceOrders({ targetWeights, positions: held, latestPrices, cash });
    expect(result.structuredContent!.orders).toEqual(direct.orders);
    expect(result.structuredContent!.cashAfter).toBeCloseTo(direct.cashAfter, 6);
    expect(direct.orders.length).toBeGreaterThan(0);
    expect(await desk.serverDeps.execution.listOrders()).toEqual([]);
  });

  it('measures VaR, CVaR, volatility, beta and contributions of the current positions', async () => {
    const { book, benchmark } = await directBook();
    const historical = await call(risk, 'portfolio_risk', { method: 'historical', confidence: 0.99 });
    expect(historical.isError).toBeFalsy();
    const out = historical.structuredContent!;
    expect(out.var).toEqual(historicalVar(book, { confidence: 0.99, horizonDays: 1 }));
    expect(out.volatility).toEqual(portfolioVolatility(book));
    expect(out.beta).toBeCloseTo(portfolioBeta(book, benchmark), 12);
    expect(out.positionBetas).toEqual(positionBetas(book, benchmark));
    expect(out.contributions).toEqual(riskContributions(book));
    expect(out.observations).toBe(252);
    const parametric = await call(risk, 'portfolio_risk', { method: 'parametric', confidence: 0.95, horizonDays: 10 });
    expect(parametric.structuredContent!.var).toEqual(parametricVar(book, { confidence: 0.95, horizonDays: 10 }));
  });

  it('gives the same Monte Carlo figure for the same seed', async () => {
    const { book } = await directBook();
    const first = await call(risk, 'portfolio_risk', { method: 'monte-carlo', seed: 7, paths: 2000 });
    const again = await call(risk, 'portfolio_risk', { method: 'monte-carlo', seed: 7, paths: 2000 });
    const other = await call(risk, 'portfolio_risk', { method: 'monte-carlo', seed: 8, paths: 2000 });
    expect(first.structuredContent!.var).toEqual(monteCarloVar(book, { confidence: 0.99, horizonDays: 1, paths: 2000, seed: 7 }));
    expect(again.structuredContent!.var).toEqual(first.structuredContent!.var);
    expect(other.structuredContent!.var.valueAtRisk).not.toBe(first.structuredContent!.var.valueAtRisk);
  });

  it('stress-tests uniform, per-symbol, beta-scaled and 2008-style scenarios', async () => {
    const { book, benchmark } = await directBook();
    const uniform = await call(risk, 'stress_test', { scenario: 'uniform', shock: -0.2 });
    expect(uniform.structuredContent!.shock).toEqual(applyShockScenario(book, { kind: 'uniform', shock: -0.2 }));
    const perSymbol = await call(risk, 'stress_test', { scenario: 'per-symbol', shocks: { aapl: -0.3 }, otherwise: -0.05 });
    expect(perSymbol.structuredContent!.shock).toEqual(applyShockScenario(book, { kind: 'per-symbol', shocks: { AAPL: -0.3 }, otherwise: -0.05 }));
    const betaScaled = await call(risk, 'stress_test', { scenario: 'beta-scaled', marketShock: -0.2 });
    expect(betaScaled.structuredContent!.shock).toEqual(applyShockScenario(book, { kind: 'beta-scaled', marketShock: -0.2, betas: positionBetas(book, benchmark) }));
    const spike = await call(risk, 'stress_test', { scenario: 'vol-spike-2008', confidence: 0.99 });
    const direct = volatilitySpikeVar(book, VOLATILITY_SPIKE_2008, { confidence: 0.99 });
    expect(spike.structuredContent!.volatilitySpike).toEqual({ baseline: direct.baseline, stressed: direct.stressed, contributions: direct.contributions });
    const missing = await call(risk, 'stress_test', { scenario: 'uniform' });
    expect(missing.isError).toBe(true);
    expect(missing.content[0].text).toMatch(/shock is required/);
  });
});
