export { buildRiskBook, portfolioPnlSeries, type ReturnHistories, type RiskBook, type RiskPosition } from './book.ts';
export { inverseNormalCdf, normalPdf } from './normal.ts';
export { choleskyFactor, correlationMatrix, covarianceMatrix, multiplyVector, quadraticForm, type SquareMatrix } from './matrix.ts';
export { lossTail, type LossTail, type VarMethod, type VarResult } from './tail.ts';
export { historicalVar, horizonPnl, type HistoricalHorizonMethod, type HistoricalVarOptions } from './historical.ts';
export { meanDailyPnl, normalVar, parametricVar, type ParametricVarOptions } from './parametric.ts';
export { monteCarloVar, type MonteCarloVarOptions } from './monte-carlo.ts';
export {
  beta,
  maxDrawdown,
  portfolioBeta,
  portfolioVolatility,
  positionBetas,
  riskContributions,
  TRADING_DAYS_PER_YEAR,
  type Drawdown,
  type PortfolioVolatility,
  type RiskContribution,
} from './metrics.ts';
export { applyShockScenario, type ShockScenario, type StressedPosition, type StressResult } from './stress.ts';
export { stressCovariance, VOLATILITY_SPIKE_2008, volatilitySpikeVar, type VolatilitySpike, type VolatilitySpikeResult } from './volatility-spike.ts';
