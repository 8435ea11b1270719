import { existsSync, readFileSync } from 'node:fs';
import { createRng, createStandardNormal } from '../tools/market/index.ts';
import { loadLpSolver } from '../mcp-servers/optimize/lp-solver.ts';
import {
  completeRows,
  efficientReturn,
  lpAllocation,
  minCvar,
  type LpSolver,
  greedyAllocation,
  efficientRisk,
  hierarchicalRiskParity,
  ledoitWolfCovariance,
  maxSharpe,
  meanHistoricalReturn,
  minVolatility,
  returnsFromPrices,
  sampleCorrelation,
  sampleCovariance,
  type PriceTable,
} from '../tools/optimize/index.ts';
import { describeLatencies } from './stats.ts';

const PYPFOPT_PRICES = '/work/shared/data/pypfopt/stock_prices.csv';

/** Optimizer timings on 100 generated assets × 5 years, then a check against PyPortfolioOpt's published results. */
export default async function bench(): Promise<void> {
  const table = generatedPrices(100, 5 * 252, 42);
  const returns = returnsFromPrices(table);
  let started = performance.now();
  const input = { tickers: table.tickers, expectedReturns: meanHistoricalReturn(returns), covariance: sampleCovariance(returns) };
  console.log(`100 assets × ${returns.returns.length} days: returns, mean and sample covariance ${(performance.now() - started).toFixed(1)} ms`);
  for (const [label, run] of [
    ['max Sharpe (target < 50 ms)', () => maxSharpe(input)],
    ['min volatility', () => minVolatility(input)],
    ['HRP', () => hierarchicalRiskParity(input)],
  ] as const) {
    const latencies: number[] = [];
    for (let repeat = 0; repeat < 12; repeat++) {
      started = performance.now();
      run();
      latencies.push(performance.now() - started);
    }
    const result = run();
    console.log(`${label}: ${describeLatencies(latencies.slice(2))}; ${Object.values(result.weights).filter((weight) => weight !== 0).length} assets held, Sharpe ${result.sharpe.toFixed(3)}`);
  }
  const highs = await loadLpSolver();
  started = performance.now();
  const cvar = minCvar({ tickers: table.tickers, scenarios: completeRows(returns), beta: 0.95 }, highs);
  console.log(`min CVaR (HiGHS LP, ${returns.returns.length} scenarios): ${(performance.now() - started).toFixed(1)} ms, daily CVaR ${cvar.cvar.toFixed(5)}`);
  if (existsSync(PYPFOPT_PRICES)) comparePyPortfolioOpt(readPriceCsv(readFileSync(PYPFOPT_PRICES, 'utf8')), highs);
  else console.log(`(skipped the PyPortfolioOpt check: ${PYPFOPT_PRICES} not found)`);
}

function comparePyPortfolioOpt(table: PriceTable, highs: LpSolver): void {
  const returns = returnsFromPrices(table);
  const covariance = sampleCovariance(returns);
  const show = (label: string, actual: { expectedReturn: number; volatility: number; sharpe: number }, reference: number[]) =>
    console.log(`${label}: ours (${actual.expectedReturn.toFixed(6)}, ${actual.volatility.toFixed(6)}, ${actual.sharpe.toFixed(6)}) vs PyPortfolioOpt (${reference.map((value) => value.toFixed(6)).join(', ')})`);
  const cagr = { tickers: table.tickers, expectedReturns: meanHistoricalReturn(returns, { compounding: true }), covariance };
  const arithmetic = { ...cagr, expectedReturns: meanHistoricalReturn(returns) };
  console.log('PyPortfolioOpt stock_prices.csv (20 tickers), sample covariance, rf 0.02; (return, volatility, Sharpe):');
  const sharpe = maxSharpe(cagr);
  show('max Sharpe, CAGR mean (pypfopt 1.5 test_max_sharpe_long_only)', sharpe, [0.3047768672819914, 0.22165566922402932, 1.2847714127003216]);
  console.log(`  weights ${JSON.stringify(Object.fromEntries(Object.entries(sharpe.weights).filter(([, weight]) => weight !== 0)))}`);
  const latestPrices = Object.fromEntries(table.tickers.map((ticker, column) => [ticker, table.prices.map((row) => row[column]).filter((price) => price !== null).at(-1) as number]));
  const allocation = greedyAllocation({ weights: Object.fromEntries(table.tickers.map((ticker, index) => [ticker, sharpe.rawWeights[index]])), latestPrices, totalValue: 10_000 });
  console.log(`  greedy allocation of $10,000: ${JSON.stringify(allocation.shares)}, leftover $${allocation.leftover.toFixed(2)}`);
  console.log('  PyPortfolioOpt 1.5 test_greedy_portfolio_allocation: {"MA":20,"FB":12,"PFE":54,"BABA":4,"AAPL":4,"BBY":2,"SBUX":1,"GOOG":1}');
  const integer = lpAllocation({ weights: Object.fromEntries(table.tickers.map((ticker, index) => [ticker, sharpe.rawWeights[index]])), latestPrices, totalValue: 10_000 }, highs);
  console.log(`  integer (lp) allocation of $10,000: ${JSON.stringify(integer.shares)}, leftover $${integer.leftover.toFixed(2)}`);
  console.log('  PyPortfolioOpt 1.5 test_lp_portfolio_allocation: {"GOOG":1,"AAPL":4,"FB":12,"BABA":4,"BBY":2,"MA":20,"PFE":54,"SBUX":1} (or with "AMD":1)');
  const cvar = minCvar({ tickers: table.tickers, scenarios: completeRows(returns), expectedReturns: cagr.expectedReturns, beta: 0.95 }, highs);
  console.log(`min CVaR β 0.95 on complete rows (pypfopt 1.5 test_cvar_example; return, CVaR): ours (${cvar.expectedReturn!.toFixed(6)}, ${cvar.cvar.toFixed(6)}) vs PyPortfolioOpt (0.177457, 0.017050)`);
  show('min volatility, CAGR mean (pypfopt 1.5 test_min_volatility)', minVolatility(cagr), [0.15056821399482578, 0.15915084514118694, 0.8204054077060996]);
  console.log('arithmetic mean (PyPortfolioOpt 1.x tests, before mean_historical_return compounded by default):');
  show('  max Sharpe', maxSharpe(arithmetic), [0.3303554227420522, 0.21671629569400466, 1.4320816150358278]);
  show('  max Sharpe long/short', maxSharpe({ ...arithmetic, weightBounds: [null, null] }), [0.4072375737868628, 0.24823079606119094, 1.5599900573634125]);
  // That release put γ‖w‖² on w with scipy's −Sharpe objective; we follow 1.5, which puts it on the transformed y.
  show('  max Sharpe, L2 gamma 1 (different objective, see comment)', maxSharpe({ ...arithmetic, gamma: 1 }), [0.3062919877378972, 0.20291366982652356, 1.4109053765705188]);
  show('  min volatility', minVolatility(arithmetic), [0.17931232481259154, 0.15915084514118694, 1.00101463282373]);
  show('  min volatility, L2 gamma 1', minVolatility({ ...arithmetic, gamma: 1 }), [0.23136193240984504, 0.1955259140191799, 1.0809919159314694]);
  show('  efficient risk 0.19', efficientRisk(arithmetic, 0.19), [0.2857747021087114, 0.19, 1.3988133092245933]);
  show('  efficient risk 0.19 long/short', efficientRisk({ ...arithmetic, weightBounds: [null, null] }, 0.19), [0.30468522897430295, 0.19, 1.4983424153337392]);
  show('  efficient return 0.25', efficientReturn(arithmetic, 0.25), [0.25, 0.1738877891235972, 1.3226920714748545]);
  show('  efficient return 0.25 long/short', efficientReturn({ ...arithmetic, weightBounds: [null, null] }, 0.25), [0.25, 0.1682647442258144, 1.3668935881968987]);
  const shrunk = ledoitWolfCovariance(returns);
  console.log(`Ledoit-Wolf shrinkage ${shrunk.shrinkage.toFixed(6)}`);
  const hrp = hierarchicalRiskParity({ ...arithmetic, correlation: sampleCorrelation(returns) });
  show('HRP (pairwise correlation, arithmetic mean; pypfopt test_hrp portfolio_performance)', hrp, [0.21353402380950973, 0.17844159743748936, 1.084579081272277]);
  const reference: Record<string, number> = { AAPL: 0.022258941278778387, AMD: 0.022294021796692116, AMZN: 0.016086842079874982, BABA: 0.07963382071794088, BAC: 0.014409222455552267, BBY: 0.03406419438245041, FB: 0.06272994714663536, GE: 0.05519063444162851, GM: 0.055576660241857236, GOOG: 0.04956008428992926, JPM: 0.017675709092515715, MA: 0.038127373497320226, PFE: 0.07786528342813452, RRC: 0.03161528695094598, SBUX: 0.039844436656239136, SHLD: 0.027113184241298872, T: 0.11138956508836473, UAA: 0.027115909570750083, WMT: 0.10569551148587902, XOM: 0.11175337115721229 };
  const worst = Math.max(...table.tickers.map((ticker, index) => Math.abs(hrp.rawWeights[index] - reference[ticker])));
  console.log(`  HRP weights vs tests/resources/weights_hrp.csv: largest difference ${worst.toExponential(2)}; order ${hrp.order.slice(0, 6).join(' ')} ...`);
}

function generatedPrices(assets: number, days: number, seed: number): PriceTable {
  const normal = createStandardNormal(createRng(seed));
  const tickers = Array.from({ length: assets }, (_, index) => `S${String(index).padStart(3, '0')}`);
  const drifts = tickers.map((_, index) => 0.0002 + 0.0006 * ((index * 37) % 11) / 10);
  const vols = tickers.map((_, index) => 0.01 + 0.015 * ((index * 17) % 13) / 12);
  const betas = tickers.map((_, index) => 0.5 + ((index * 7) % 10) / 10);
  const prices: number[][] = [tickers.map(() => 100)];
  for (let day = 1; day < days; day++) {
    const market = 0.01 * normal();
    prices.push(prices[day - 1].map((price, index) => price * Math.exp(drifts[index] + betas[index] * market + vols[index] * normal())));
  }
  return { dates: prices.map((_, index) => `d${index}`), tickers, prices };
}

function readPriceCsv(text: string): PriceTable {
  const lines = text.trim().split('\n');
  const tickers = lines[0].split(',').slice(1);
  const rows = lines.slice(1).map((line) => line.split(','));
  return { dates: rows.map((row) => row[0]), tickers, prices: rows.map((row) => row.slice(1).map((cell) => (cell.trim() === '' ? null : Number(cell)))) };
}
