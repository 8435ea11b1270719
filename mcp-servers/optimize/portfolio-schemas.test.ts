import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DiscreteAllocationSchema, OptimizationOptionsSchema, OptimizedPortfolioSchema, PriceTableSchema, RebalancePlanSchema, StressResultSchema, VarResultSchema,
  type DiscreteAllocationResult, type OptimizedPortfolioResult, type PriceTableInput, type RebalancePlan, type StressResultShape, type VarResultShape,
} from '../../core/index.ts';
import { greedyAllocation, maxSharpe, rebalanceOrders, type DiscreteAllocation, type OptimizedPortfolio, type PriceTable } from '../../tools/optimize/index.ts';
import { applyShockScenario, buildRiskBook, historicalVar, type StressResult, type VarResult } from '../../tools/portfolio-risk/index.ts';

const table = {
  dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'],
  tickers: ['AAA', 'BBB'],
  prices: [[100, null], [101, 50], [99.5, 50.6], [102, 50.1], [103.1, 51.2]],
};

describe('core portfolio schemas agree with the tools results', () => {
  it('parses what the optimizers, allocator and rebalancer return', () => {
    const portfolio = maxSharpe({ tickers: ['A', 'B'], expectedReturns: [0.1, 0.2], covariance: [[0.04, 0], [0, 0.09]], riskFreeRate: 0 });
    expect(OptimizedPortfolioSchema.parse(portfolio)).toEqual({ weights: portfolio.weights, expectedReturn: portfolio.expectedReturn, volatility: portfolio.volatility, sharpe: portfolio.sharpe });
    const allocation = greedyAllocation({ weights: { A: 0.5, B: 0.5 }, latestPrices: { A: 30, B: 70 }, totalValue: 1000 });
    expect(DiscreteAllocationSchema.parse(allocation)).toEqual(allocation);
    const plan = rebalanceOrders({ targetWeights: { A: 0.5, B: 0.5 }, positions: { A: 10 }, latestPrices: { A: 100, B: 50 }, cash: 0 });
    expect(RebalancePlanSchema.parse(plan)).toEqual(plan);
  });

  it('parses VaR and stress results of the portfolio-risk tools', () => {
    const book = buildRiskBook([{ symbol: 'A', quantity: 10, price: 100 }], { A: new Float64Array([0.01, -0.02, 0.005, -0.01, 0.02]) });
    const figure = historicalVar(book, { confidence: 0.95 });
    expect(VarResultSchema.parse(figure)).toEqual(figure);
    const stress = applyShockScenario(book, { kind: 'uniform', shock: -0.2 });
    expect(StressResultSchema.parse(stress)).toEqual(stress);
  });

  it('keeps the tools types assignable to the schema types', () => {
    expectTypeOf<OptimizedPortfolio>().toExtend<OptimizedPortfolioResult>();
    expectTypeOf<DiscreteAllocation>().toExtend<DiscreteAllocationResult>();
    expectTypeOf<ReturnType<typeof rebalanceOrders>>().toExtend<RebalancePlan>();
    expectTypeOf<VarResult>().toExtend<VarResultShape>();
    expectTypeOf<StressResult>().toExtend<StressResultShape>();
    expectTypeOf<PriceTableInput>().toExtend<PriceTable>();
  });

  it('accepts a wide table with gaps and refuses ragged rows', () => {
    expect(PriceTableSchema.parse(table)).toEqual(table);
    expect(PriceTableSchema.safeParse({ ...table, prices: [[100], ...table.prices.slice(1)] }).success).toBe(false);
    expect(PriceTableSchema.safeParse({ ...table, prices: [[-1, 2], ...table.prices.slice(1)] }).success).toBe(false);
  });

  it('fills option defaults and requires a target for efficient objectives', () => {
    expect(OptimizationOptionsSchema.parse({ objective: 'hrp' })).toEqual({ objective: 'hrp', returns: 'mean', riskModel: 'sample', bounds: [0, 1], riskFreeRate: 0.02 });
    const missing = OptimizationOptionsSchema.safeParse({ objective: 'efficient-risk' });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0].path).toEqual(['target']);
  });
});
