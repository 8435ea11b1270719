import { isDeskError } from '../../core/index.ts';

const USAGE = `desk — conversational trading desk

Usage:
  desk start                                 create/open the database, load demo data, serve HTTP on 127.0.0.1
  desk chat "MESSAGE" [--thread ID] [--json] [--steps]  talk to the desk (--thread continues, --steps shows each step)
  desk approve THREAD [--reject] [--by NAME] [--note TEXT]   answer an order waiting for human approval
  desk eval [SUITE...] [--report DIR] [--baseline FILE]      run evaluation suites (default: the shipped ones)
  desk mcp <server>                          serve an MCP server over stdio (market-data, backtest, risk, broker, optimize, signals)
  desk log [--thread ID] [--json]            show the decision log with critic verdicts
  desk log verify                            verify the decision log's hash chains
  desk log replay THREAD                     re-run a thread from its recorded tool results and compare
  desk portfolio optimize --prices WIDE.csv --objective max-sharpe|min-volatility|efficient-risk|efficient-return|hrp|risk-parity
       [--target X] [--rf 0.02] [--returns mean|cagr|ema|capm] [--risk-model sample|ledoit-wolf|exp] [--bounds LO,HI] [--json]
  desk risk report [--confidence 0.99] [--horizon 1] [--method historical|parametric|monte-carlo] [--json]   VaR of current positions
  desk signals score "TEXT" [--json] | --file SENTENCES.txt [--json]   offline financial sentiment (label and score per line)
  desk signals series SYMBOL [--from D] [--to D] [--half-life DAYS] [--json]   daily news signal with its heaviest headline
  desk news ingest FILE|URL [--format auto|feed|jsonl|csv] [--source NAME] [--json]   store, score and embed news (RSS/Atom, JSON lines, CSV)
  desk news search "QUERY" [--symbol SYM] [--from D] [--to D] [--limit N] [--json]   semantic search over stored news

Environment: DESK_HOME (default ./.desk), DATABASE_URL, ANTHROPIC_API_KEY, DESK_PORT (default 8787), DESK_SEED,
DESK_HUMAN_APPROVAL (orders above this notional, or "all", wait for desk approve).`;

/** Entry point of the `desk` command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Loaded on demand: a chat through a running server should not load the whole desk.
      case 'start': return await (await import('./start.ts')).startCommand(rest);
      case 'chat': return await (await import('./chat.ts')).chatCommand(rest);
      case 'mcp': return await (await import('./mcp.ts')).mcpCommand(rest);
      case 'log': return await (await import('./log.ts')).logCommand(rest);
      case 'approve': return await (await import('./approve.ts')).approveCommand(rest);
      case 'portfolio': return await (await import('./portfolio.ts')).portfolioCommand(rest);
      case 'risk': return await (await import('./risk.ts')).riskCommand(rest);
      case 'eval': return await (await import('./eval.ts')).evalCommand(rest);
      case 'signals': return await (await import('./signals.ts')).signalsCommand(rest);
      case 'news': return await (await import('./signals.ts')).newsCommand(rest);
      case undefined: case 'help': case '--help': case '-h':
        console.log(USAGE);
        return 0;
      default:
        console.error(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    console.error(isDeskError(error) ? `error (${error.code}): ${error.message}` : error);
    return 1;
  }
}
