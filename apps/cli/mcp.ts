import { DeskError } from '../../core/index.ts';
import { serveStdio, type ServerName } from '../../mcp-servers/index.ts';
import { loadConfig } from '../runtime/config.ts';
import { openDesk } from '../runtime/desk.ts';
import { createServer } from '../runtime/servers.ts';

/** Servers an outside MCP client may run; the oversight server is the critic's alone. */
export const PUBLIC_SERVERS: ServerName[] = ['market-data', 'backtest', 'risk', 'broker'];

/** `desk mcp <server>`: serve one MCP server over stdio. stdout carries only protocol messages. */
export async function mcpCommand(args: string[]): Promise<number> {
  const name = args[0] as ServerName | undefined;
  if (!name || !PUBLIC_SERVERS.includes(name)) {
    throw new DeskError('invalid_input', `desk mcp needs a server name: one of ${PUBLIC_SERVERS.join(', ')} (got ${JSON.stringify(name ?? '')})`);
  }
  const config = loadConfig(process.env);
  const desk = await openDesk(config, { role: `mcp:${name}`, log: (line) => console.error(line) });
  const server = createServer(name, desk.serverDeps);
  await serveStdio(server);
  console.error(`desk ${name} MCP server on stdio (database ${desk.db.kind})`);
  await new Promise<void>((resolve) => {
    process.stdin.once('close', resolve);
    process.stdin.once('end', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await server.close();
  await desk.close();
  return 0;
}
