import { DeskError, type OptimizationOptions, type OptimizedPortfolioResult, type PriceTableInput } from '../../core/index.ts';
import {
  capmReturn, efficientReturn, efficientRisk, emaHistoricalReturn, exponentialCovariance, hierarchicalRiskParity, ledoitWolfCovariance, maxSharpe,
  completeRows, meanHistoricalReturn, minCvar, minVolatility, portfolioPerformance, returnsFromPrices, riskParity, sampleCorrelation, sampleCovariance,
  type LpSolver, type Matrix, type OptimizedPortfolio, type ReturnsTable,
} from '../../tools/optimize/index.ts';

/** An optimization's result as tools and CLI report it. */
export type OptimizationReport = OptimizedPortfolioResult & {
  objective: OptimizationOptions['objective'];
  tickers: string[];
  expectedReturns: Record<string, number>;
  from: string;
  to: string;
  observations: number;
  /** min-cvar: daily CVaR and VaR (losses as positive fractions) at `beta`. */
  cvar?: number;
  valueAtRisk?: number;
  beta?: number;
};

/**
 * Estimate expected returns and covariance from a wide price table and run one objective;
 * the single path the optimize MCP server and `desk portfolio optimize` share.
 *
 * @example
 * runOptimization(table, { objective: 'max-sharpe', returns: 'mean', riskModel: 'sample', bounds: [0, 1], riskFreeRate: 0.02 }).weights;
 */
export function runOptimization(table: PriceTableInput, options: OptimizationOptions, solvers: { lp?: LpSolver } = {}): OptimizationReport {
  const returns = returnsFromPrices(table);
  if (returns.returns.length < 2) throw new DeskError('insufficient_data', `prices give ${returns.returns.length} return rows; at least 2 are needed`, { field: 'prices' });
  const expected = expectedReturns(returns, options);
  const covariance = covarianceOf(returns, options.riskModel);
  const input = { tickers: returns.tickers, expectedReturns: expected, covariance, weightBounds: options.bounds, riskFreeRate: options.riskFreeRate };
  const { weights, expectedReturn, volatility, sharpe, tail } = solve(options, input, returns, solvers.lp);
  return {
    weights, expectedReturn, volatility, sharpe, ...tail,
    objective: options.objective,
    tickers: returns.tickers,
    expectedReturns: Object.fromEntries(returns.tickers.map((ticker, index) => [ticker, expected[index]])),
    from: table.dates[0],
    to: table.dates[table.dates.length - 1],
    observations: returns.returns.length,
  };
}

type SolveInput = { tickers: string[]; expectedReturns: number[]; covariance: Matrix; weightBounds: [number, number]; riskFreeRate: number };

function solve(options: OptimizationOptions, input: SolveInput, returns: ReturnsTable, lp: LpSolver | undefined): Pick<OptimizedPortfolio, 'weights' | 'expectedReturn' | 'volatility' | 'sharpe'> & { tail?: Pick<OptimizationReport, 'cvar' | 'valueAtRisk' | 'beta'> } {
  switch (options.objective) {
    case 'max-sharpe': return maxSharpe(input);
    case 'min-volatility': return minVolatility(input);
    case 'efficient-risk': return efficientRisk(input, requireTarget(options));
    case 'efficient-return': return efficientReturn(input, requireTarget(options));
    case 'hrp': return hierarchicalRiskParity({ ...input, correlation: sampleCorrelation(returns) });
    case 'risk-parity': return riskParity(input);
    case 'min-cvar': return solveMinCvar(options, input, returns, lp);
  }
}

/** Min-CVaR over the days where every asset has a return, with the annual performance of its weights. */
function solveMinCvar(options: OptimizationOptions, input: SolveInput, returns: ReturnsTable, lp: LpSolver | undefined) {
  if (!lp) throw new DeskError('config_error', 'min-cvar needs the HiGHS LP solver; load it once (mcp-servers/optimize loadLpSolver) and pass it', { field: 'objective' });
  const beta = options.beta ?? 0.95;
  const result = minCvar({ tickers: input.tickers, scenarios: completeRows(returns), expectedReturns: input.expectedReturns, beta, weightBounds: input.weightBounds, targetReturn: options.target }, lp);
  const performance = portfolioPerformance(result.rawWeights, input.expectedReturns, input.covariance, input.riskFreeRate);
  return { ...performance, weights: result.weights, tail: { cvar: result.cvar, valueAtRisk: result.valueAtRisk, beta } };
}

/**
 * Annualized expected returns per ticker by the named method.
 *
 * @example
 * expectedReturns(returns, { returns: 'cagr', riskFreeRate: 0.02 }); // [0.18, 0.11]
 */
export function expectedReturns(returns: ReturnsTable, options: Pick<OptimizationOptions, 'returns' | 'riskFreeRate'>): number[] {
  switch (options.returns) {
    case 'mean': return meanHistoricalReturn(returns);
    case 'cagr': return meanHistoricalReturn(returns, { compounding: true });
    case 'ema': return emaHistoricalReturn(returns);
    case 'capm': return capmReturn(returns, { riskFreeRate: options.riskFreeRate });
  }
}

/**
 * Annualized covariance by the named risk model.
 *
 * @example
 * covarianceOf(returns, 'ledoit-wolf')[0][0];
 */
export function covarianceOf(returns: ReturnsTable, riskModel: OptimizationOptions['riskModel']): Matrix {
  switch (riskModel) {
    case 'sample': return sampleCovariance(returns);
    case 'ledoit-wolf': return ledoitWolfCovariance(returns).covariance;
    case 'exp': return exponentialCovariance(returns);
  }
}

function requireTarget(options: OptimizationOptions): number {
  if (options.target === undefined) throw new DeskError('invalid_input', `target is required for ${options.objective}`, { field: 'target' });
  return options.target;
}
