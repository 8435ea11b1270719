import { parseArgs } from 'node:util';
import { DeskError } from '../../core/index.ts';
import { loadConfig } from '../runtime/config.ts';
import { CONTROLS_USAGE, riskControlsCommand } from './risk-controls.ts';

const USAGE = ['desk risk report [--confidence 0.99] [--horizon 1] [--method historical|parametric|monte-carlo] [--json]', ...CONTROLS_USAGE].join(' | ');
const METHODS = ['historical', 'parametric', 'monte-carlo'];

type Report = {
  var: { method: string; confidence: number; horizonDays: number; valueAtRisk: number; expectedShortfall: number; valueAtRiskFraction: number | null; expectedShortfallFraction: number | null; portfolioValue: number };
  volatility: { annualized: number; annualizedFraction: number | null };
  benchmark: string;
  beta: number | null;
  contributions: Array<{ symbol: string; exposure: number; component: number; share: number }>;
  from: string;
  to: string;
  observations: number;
};

/** `desk risk report ...`: VaR, CVaR, volatility, beta and contributions; `limits`, `set-limit`, `kill-switch`: risk controls. */
export async function riskCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'limits' || subcommand === 'set-limit' || subcommand === 'kill-switch') return riskControlsCommand(subcommand, rest);
  if (subcommand !== 'report') throw new DeskError('invalid_input', `desk risk needs a subcommand: ${USAGE}`);
  const { values } = parseArgs({ args: rest, options: { confidence: { type: 'string' }, horizon: { type: 'string' }, method: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (values.method !== undefined && !METHODS.includes(values.method)) throw new DeskError('invalid_input', `--method must be one of ${METHODS.join(', ')} (got "${values.method}")`, { field: 'method' });
  const request = { method: values.method, confidence: numberOption('confidence', values.confidence), horizonDays: numberOption('horizon', values.horizon) };
  const { openDesk } = await import('../runtime/desk.ts');
  const { createServer } = await import('../runtime/servers.ts');
  const { connectInProcess } = await import('../../mcp-servers/index.ts');
  const desk = await openDesk(loadConfig(process.env), { role: 'cli' });
  try {
    const client = await connectInProcess(createServer('risk', desk.serverDeps), 'desk-cli');
    const result = (await client.callTool({ name: 'portfolio_risk', arguments: Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)) })) as { isError?: boolean; structuredContent?: Report; content: Array<{ text?: string }> };
    await client.close();
    if (result.isError || !result.structuredContent) throw new DeskError('invalid_input', result.content[0]?.text ?? 'portfolio_risk failed');
    console.log(values.json ? JSON.stringify(result.structuredContent, null, 2) : describe(result.structuredContent));
    return 0;
  } finally {
    await desk.close();
  }
}

function describe(report: Report): string {
  const usd = (value: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(2)}%`);
  const { var: figure } = report;
  const lines = report.contributions.map((entry) => `  ${entry.symbol.padEnd(6)} exposure ${usd(entry.exposure).padStart(14)}  volatility share ${percent(entry.share).padStart(8)}`);
  return [
    `portfolio value ${usd(figure.portfolioValue)} · ${report.observations} daily returns ${report.from} to ${report.to}`,
    `${figure.method} VaR ${percent(figure.confidence)} ${figure.horizonDays}d: ${usd(figure.valueAtRisk)} (${percent(figure.valueAtRiskFraction)}) · CVaR ${usd(figure.expectedShortfall)} (${percent(figure.expectedShortfallFraction)})`,
    `annualized volatility ${usd(report.volatility.annualized)} (${percent(report.volatility.annualizedFraction)}) · beta to ${report.benchmark} ${report.beta === null ? 'n/a' : report.beta.toFixed(2)}`,
    ...lines,
  ].join('\n');
}

function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new DeskError('invalid_number', `--${name} must be a number (got "${value}")`, { field: name });
  return parsed;
}
