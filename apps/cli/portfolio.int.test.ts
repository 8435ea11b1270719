import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoMarket } from '../../tools/market/index.ts';
import { loadLpSolver } from '../../mcp-servers/optimize/lp-solver.ts';
import { completeRows, efficientRisk, maxSharpe, meanHistoricalReturn, minCvar, returnsFromPrices, riskParity, sampleCovariance } from '../../tools/optimize/index.ts';
import { buildRiskBook, parametricVar, portfolioBeta } from '../../tools/portfolio-risk/index.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/desk.js');

/** 80 days of three demo-market closes as a wide table; JPM lists on day 11 (empty cells before). */
const DEMO = generateDemoMarket({ seed: 7 });
const TICKERS = ['AAPL', 'MSFT', 'JPM'];
const DATES = DEMO[0].dates.slice(-80);
const TABLE = {
  dates: DATES,
  tickers: TICKERS,
  prices: DATES.map((date, row) => TICKERS.map((ticker) => {
    const series = DEMO.find((entry) => entry.symbol === ticker)!;
    return ticker === 'JPM' && row < 10 ? null : series.close[series.dates.indexOf(date)];
  })),
};
const CSV = ['date,' + TICKERS.join(','), ...TABLE.prices.map((row, index) => [DATES[index], ...row.map((price) => (price === null ? '' : String(price)))].join(','))].join('\n') + '\n';

describe('desk portfolio optimize and desk risk report (child processes)', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-portfolio-'));
  const env = { ...process.env, DESK_HOME: join(home, 'desk'), DESK_PORT: '0', ANTHROPIC_API_KEY: '', DATABASE_URL: '' };
  const desk = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 })).stdout;
  const prices = join(home, 'wide.csv');
  writeFileSync(prices, CSV);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const returns = returnsFromPrices(TABLE);
  const input = { tickers: TABLE.tickers, expectedReturns: meanHistoricalReturn(returns), covariance: sampleCovariance(returns), weightBounds: [0, 1] as [number, number], riskFreeRate: 0.02 };

  it('prints max-Sharpe weights, expected return, volatility and Sharpe from a wide CSV', async () => {
    const direct = maxSharpe(input);
    const text = await desk('portfolio', 'optimize', '--prices', prices, '--objective', 'max-sharpe');
    for (const ticker of TABLE.tickers) expect(text).toContain(`${ticker.padEnd(4)}  ${`${(direct.weights[ticker] * 100).toFixed(2)}%`.padStart(8)}`);
    expect(text).toContain(`expected return ${(direct.expectedReturn * 100).toFixed(2)}% · volatility ${(direct.volatility * 100).toFixed(2)}% · Sharpe ${direct.sharpe.toFixed(2)}`);
  });

  it('answers --json with the same numbers as the tools functions (efficient-risk with bounds, risk-parity)', async () => {
    const efficient = JSON.parse(await desk('portfolio', 'optimize', '--prices', prices, '--objective', 'efficient-risk', '--target', '0.2', '--bounds', '0,0.7', '--rf', '0.03', '--json'));
    const direct = efficientRisk({ ...input, weightBounds: [0, 0.7], riskFreeRate: 0.03 }, 0.2);
    expect(efficient.weights).toEqual(direct.weights);
    expect(efficient.volatility).toBeCloseTo(direct.volatility, 10);
    expect(efficient.sharpe).toBeCloseTo(direct.sharpe, 10);
    const parity = JSON.parse(await desk('portfolio', 'optimize', '--prices', prices, '--objective', 'risk-parity', '--json'));
    expect(parity.weights).toEqual(riskParity(input).weights);
  });

  it('solves min-cvar with HiGHS over the days where every asset has a return, with a target return', async () => {
    const result = JSON.parse(await desk('portfolio', 'optimize', '--prices', prices, '--objective', 'min-cvar', '--beta', '0.9', '--target', '0.05', '--json'));
    const direct = minCvar({ tickers: TICKERS, scenarios: completeRows(returns), expectedReturns: input.expectedReturns, beta: 0.9, targetReturn: 0.05 }, await loadLpSolver());
    expect(result.weights).toEqual(direct.weights);
    expect(result.cvar).toBeCloseTo(direct.cvar, 10);
    expect(result.expectedReturn).toBeGreaterThanOrEqual(0.05 - 1e-9);
    expect(await desk('portfolio', 'optimize', '--prices', prices, '--objective', 'min-cvar')).toMatch(/daily CVaR \d+\.\d\d% and VaR -?\d+\.\d\d% at 95\.00%/);
  });

  it('names the line of a bad CSV and a missing target', async () => {
    const bad = join(home, 'bad.csv');
    writeFileSync(bad, CSV.split('\n').map((line, index) => (index === 4 ? line.replace(/,[^,]*/, ',x') : line)).join('\n'));
    await expect(desk('portfolio', 'optimize', '--prices', bad, '--objective', 'hrp')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/bad\.csv:5: AAPL price "x" must be a number > 0 or empty/) });
    await expect(desk('portfolio', 'optimize', '--prices', prices, '--objective', 'efficient-return')).rejects.toMatchObject({ stderr: expect.stringMatching(/target is required/) });
  });

  it('reports VaR and beta of the current positions', async () => {
    expect(JSON.parse(await desk('chat', '--json', 'buy 10 AAPL')).reply).toMatch(/^Bought 10 AAPL/);
    const report = JSON.parse(await desk('risk', 'report', '--method', 'parametric', '--confidence', '0.95', '--horizon', '5', '--json'));
    const market = generateDemoMarket({ seed: 42 });
    const [aapl, spy] = ['AAPL', 'SPY'].map((symbol) => market.find((series) => series.symbol === symbol)!);
    const dates = aapl.dates.slice(-253);
    const returnsOf = (series: typeof aapl) => Float64Array.from(dates.slice(1), (date, index) => series.close[series.dates.indexOf(date)] / series.close[series.dates.indexOf(dates[index])] - 1);
    const book = buildRiskBook([{ symbol: 'AAPL', quantity: 10, price: aapl.close[aapl.close.length - 1] }], { AAPL: returnsOf(aapl) });
    const direct = parametricVar(book, { confidence: 0.95, horizonDays: 5 });
    expect(report.var.valueAtRisk).toBeCloseTo(direct.valueAtRisk, 6);
    expect(report.var.expectedShortfall).toBeCloseTo(direct.expectedShortfall, 6);
    expect(report.beta).toBeCloseTo(portfolioBeta(book, returnsOf(spy)), 9);
    const text = await desk('risk', 'report');
    expect(text).toMatch(/historical VaR 99\.00% 1d: \$[\d,]+\.\d\d .*CVaR/);
  });
});
