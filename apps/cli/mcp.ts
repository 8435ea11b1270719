import { resolve } from 'node:path';
import { DeskError } from '../../core/index.ts';
import { serveStdio } from '../../mcp-servers/index.ts';
import { loadConfig } from '../runtime/config.ts';
import { openDesk } from '../runtime/desk.ts';
import { createPublicServer, DOMAIN_PUBLIC_SERVERS, PUBLIC_SERVERS, type PublicServerName } from '../runtime/servers.ts';


/**
 * `desk mcp <server>`: serve one MCP server over stdio (`desk` is all public tools, resources and
 * prompts on one connection). stdout carries only protocol messages.
 * `desk mcp --print-config [--per-domain]` prints the claude_desktop_config.json block.
 */
export async function mcpCommand(args: string[]): Promise<number> {
  if (args[0] === '--print-config') {
    console.log(JSON.stringify(claudeDesktopConfig(loadConfig(process.env).home, args.includes('--per-domain')), null, 2));
    return 0;
  }
  const name = args[0] as PublicServerName | undefined;
  if (!name || !PUBLIC_SERVERS.includes(name)) {
    throw new DeskError('invalid_input', `desk mcp needs a server name: one of ${PUBLIC_SERVERS.join(', ')} (got ${JSON.stringify(name ?? '')})`);
  }
  const config = loadConfig(process.env);
  const desk = await openDesk(config, { role: `mcp:${name}`, log: (line) => console.error(line) });
  const server = createPublicServer(name, desk.serverDeps);
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

/**
 * The `mcpServers` block of claude_desktop_config.json for this install, with absolute paths so
 * Claude Desktop can start it from anywhere: the combined `desk` server, or one entry per domain.
 */
export function claudeDesktopConfig(home: string, perDomain = false): { mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }> } {
  const bin = resolve(import.meta.dirname, '../../bin/desk.js');
  const entry = (name: PublicServerName) => ({ command: process.execPath, args: [bin, 'mcp', name], env: { DESK_HOME: home } });
  if (!perDomain) return { mcpServers: { desk: entry('desk') } };
  return { mcpServers: Object.fromEntries(DOMAIN_PUBLIC_SERVERS.map((name) => [`desk-${name}`, entry(name)])) };
}
