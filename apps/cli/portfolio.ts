import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DeskError, OptimizationOptionsSchema, parseWith } from '../../core/index.ts';
import { runOptimization, type OptimizationReport } from '../../mcp-servers/index.ts';
import { parseWidePriceCsv } from './wide-csv.ts';

const USAGE = 'desk portfolio optimize --prices WIDE.csv --objective max-sharpe|min-volatility|efficient-risk|efficient-return|hrp|min-cvar|risk-parity ' +
  '[--target X] [--beta 0.95] [--rf 0.02] [--returns mean|cagr|ema|capm] [--risk-model sample|ledoit-wolf|exp] [--bounds LO,HI] [--json]';

/** `desk portfolio optimize ...`: optimize weights from a wide price CSV, no database needed. */
export async function portfolioCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'optimize') throw new DeskError('invalid_input', `desk portfolio needs a subcommand: ${USAGE}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      prices: { type: 'string' }, objective: { type: 'string' }, target: { type: 'string' }, rf: { type: 'string' },
      returns: { type: 'string' }, 'risk-model': { type: 'string' }, bounds: { type: 'string' }, beta: { type: 'string' }, json: { type: 'boolean', default: false },
    },
  });
  if (!values.prices) throw new DeskError('invalid_input', `--prices WIDE.csv is required: ${USAGE}`, { field: 'prices' });
  const options = parseWith(OptimizationOptionsSchema, {
    objective: values.objective,
    returns: values.returns,
    riskModel: values['risk-model'],
    bounds: values.bounds === undefined ? undefined : parseBounds(values.bounds),
    riskFreeRate: numberOption('rf', values.rf),
    target: numberOption('target', values.target),
    beta: numberOption('beta', values.beta),
  }, 'options');
  const table = parseWidePriceCsv(readFileSync(values.prices, 'utf8'), values.prices);
  const lp = options.objective === 'min-cvar' ? await (await import('../../mcp-servers/optimize/lp-solver.ts')).loadLpSolver() : undefined;
  const report = runOptimization(table, options, { lp });
  console.log(values.json ? JSON.stringify(report, null, 2) : describe(report));
  return 0;
}

function describe(report: OptimizationReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
  const width = Math.max(...report.tickers.map((ticker) => ticker.length));
  const weights = report.tickers.map((ticker) => `  ${ticker.padEnd(width)}  ${percent(report.weights[ticker]).padStart(8)}`).join('\n');
  return `${report.objective} weights (${report.from} to ${report.to}, ${report.observations} returns):\n${weights}\n` +
    `expected return ${percent(report.expectedReturn)} · volatility ${percent(report.volatility)} · Sharpe ${report.sharpe.toFixed(2)}` +
    (report.cvar === undefined ? '' : `\ndaily CVaR ${percent(report.cvar)} and VaR ${percent(report.valueAtRisk ?? 0)} at ${percent(report.beta ?? 0.95)}`);
}

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new DeskError('invalid_number', `--${name} must be a number (got "${value}")`, { field: name });
  return parsed;
}

function parseBounds(value: string): [number, number] {
  const parts = value.split(',');
  if (parts.length !== 2) throw new DeskError('invalid_input', `--bounds must be LO,HI, e.g. 0,0.4 (got "${value}")`, { field: 'bounds' });
  return [numberOption('bounds', parts[0])!, numberOption('bounds', parts[1])!];
}
