import { isDeskError } from '../../core/index.ts';

const USAGE = `desk — conversational trading desk

Usage:
  desk start                                 create/open the database, load demo data, serve HTTP on 127.0.0.1
  desk chat "MESSAGE" [--thread ID] [--json] [--steps]  talk to the desk (--thread continues, --steps shows each step)
  desk approve THREAD [--reject] [--by NAME] [--note TEXT]   answer an order waiting for human approval
  desk eval [SUITE...] [--mode offline|claude|replay] [--report DIR] [--baseline FILE] [--workers N]   run evaluation suites (default: the shipped ones)
  desk mcp <server>                          serve an MCP server over stdio: desk (all tools, resources, prompts) or market-data, backtest, risk, broker, optimize
  desk mcp --print-config [--per-domain]     print the claude_desktop_config.json block for this install
  desk slack                                 serve the Slack app (SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, DESK_SLACK_APPROVERS, DESK_SLACK_PORT)
  desk log [--thread ID] [--json]            show the decision log with critic verdicts
  desk log verify                            verify the decision log's hash chains
  desk log replay THREAD                     re-run a thread from its recorded tool results and compare
  desk portfolio optimize --prices WIDE.csv --objective max-sharpe|min-volatility|efficient-risk|efficient-return|hrp|risk-parity|min-cvar
       [--target X] [--beta 0.95] [--rf 0.02] [--returns mean|cagr|ema|capm] [--risk-model sample|ledoit-wolf|exp] [--bounds LO,HI] [--json]
  desk data import --csv FILE --symbol SYM [--format yahoo|stooq|generic] [--map date=Date,...] [--skip-invalid] [--json]
  desk data import --source synthetic|yahoo|alpaca --symbol SYM [--from D] [--to D]   import daily bars, report issues by line
  desk data quality [SYM...] [--json] · desk data refresh [SYM...]   check stored bars; bring them up to today
  desk backtest --csv FILE --symbol SYM --strategy NAME|SPEC.json [--param k=v ...] [--cash N] [--size SHARES]
       [--commission-pct P] [--from D --to D] [--adjust [--round N]] [--json]   backtest a spec on a CSV (no database)
       [--target X] [--rf 0.02] [--returns mean|cagr|ema|capm] [--risk-model sample|ledoit-wolf|exp] [--bounds LO,HI] [--json]
  desk orders [--status open|all] [--json]  list orders (newest first); desk orders show ID | desk orders cancel ID [--reason TEXT]
  desk risk report [--confidence 0.99] [--horizon 1] [--method historical|parametric|monte-carlo] [--json]   VaR of current positions
  desk risk limits [--changes N] [--json]    pre-trade limits in effect, the kill switch, and (--changes) the change logs
  desk risk set-limit NAME VALUE --by NAME [--reason TEXT]   change one limit (the CLI acts as admin; logged)
  desk risk kill-switch on|off|status [--by NAME] [--reason TEXT]   halt or resume all trading (on/off need --by)
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
      case 'slack': return await (await import('./slack.ts')).slackCommand(rest);
      case 'orders': return await (await import('./orders.ts')).ordersCommand(rest);
      case 'eval': return await (await import('./eval.ts')).evalCommand(rest);
      case 'data': return await (await import('./data.ts')).dataCommand(rest);
      case 'backtest': return await (await import('./backtest.ts')).backtestCommand(rest);
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
