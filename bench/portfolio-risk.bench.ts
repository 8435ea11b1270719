import { createRng, createStandardNormal } from '../tools/market/index.ts';
import {
  buildRiskBook,
  covarianceMatrix,
  historicalVar,
  monteCarloVar,
  parametricVar,
  riskContributions,
  type RiskPosition,
} from '../tools/portfolio-risk/index.ts';
import { describeLatencies } from './stats.ts';

const POSITIONS = 500;
const DAYS = 5 * 252;

/** Synthetic book: one market factor, five sectors and noise, seeded; long/short mix. */
function syntheticBook() {
  const normal = createStandardNormal(createRng(2024));
  const market = Float64Array.from({ length: DAYS }, () => 0.01 * normal());
  const sectors = Array.from({ length: 5 }, () => Float64Array.from({ length: DAYS }, () => 0.006 * normal()));
  const histories: Record<string, Float64Array> = {};
  const positions: RiskPosition[] = [];
  for (let index = 0; index < POSITIONS; index++) {
    const symbol = `S${String(index).padStart(3, '0')}`;
    const beta = 0.5 + index / POSITIONS;
    const sector = sectors[index % 5];
    histories[symbol] = market.map((value, day) => beta * value + sector[day] + 0.012 * normal());
    positions.push({ symbol, quantity: index % 7 === 0 ? -50 : 100, price: 20 + (index % 180) });
  }
  return buildRiskBook(positions, histories);
}

function time<T>(label: string, runs: number, work: () => T): T {
  const latencies: number[] = [];
  let result = work();
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = work();
    latencies.push(performance.now() - started);
  }
  console.log(`${label}: ${describeLatencies(latencies)}`);
  return result;
}

const money = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** Portfolio risk on 500 positions × 5 years (1,260 days) of daily returns. */
export default async function bench(): Promise<void> {
  const book = syntheticBook();
  console.log(`book: ${POSITIONS} positions × ${DAYS} days, net value ${money(book.portfolioValue)}, gross ${money(book.grossExposure)}`);
  const covariance = time('sample covariance 500×500', 5, () => covarianceMatrix(book.returns));
  const historical = time('historical VaR/ES 99% 1d', 50, () => historicalVar(book, { confidence: 0.99 }));
  const overlapping = time('historical VaR/ES 99% 10d overlapping', 50, () => historicalVar(book, { confidence: 0.99, horizonDays: 10, horizonMethod: 'overlapping' }));
  const parametric = time('parametric VaR/ES 99% 1d (covariance given)', 50, () => parametricVar(book, { confidence: 0.99, covariance }));
  time('parametric VaR/ES 99% 1d (covariance estimated)', 5, () => parametricVar(book, { confidence: 0.99 }));
  const simulated = time('Monte Carlo VaR/ES 99% 1d, 500 positions, 10,000 paths (covariance given, Cholesky included)', 10, () => monteCarloVar(book, { confidence: 0.99, paths: 10_000, seed: 7, covariance }));
  const contributions = time('marginal + component contributions (covariance given)', 50, () => riskContributions(book, covariance));
  const componentSum = contributions.reduce((sum, entry) => sum + entry.component, 0);
  console.log(`99% 1d VaR / ES: historical ${money(historical.valueAtRisk)} / ${money(historical.expectedShortfall)}, parametric ${money(parametric.valueAtRisk)} / ${money(parametric.expectedShortfall)}, Monte Carlo ${money(simulated.valueAtRisk)} / ${money(simulated.expectedShortfall)}`);
  console.log(`99% 10d historical (overlapping) VaR ${money(overlapping.valueAtRisk)} vs √10 × 1d ${money(historical.valueAtRisk * Math.sqrt(10))}`);
  console.log(`annualized volatility (Σ components) ${money(componentSum)} = ${((componentSum / book.portfolioValue) * 100).toFixed(2)}% of net value`);
}
