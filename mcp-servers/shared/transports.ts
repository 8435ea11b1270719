import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

/**
 * Connect a real MCP client to `server` over a linked in-memory transport pair: the full
 * protocol (initialize, tools/list, tools/call, validation) without a process or socket.
 * @example const client = await connectInProcess(createBacktestServer(deps), 'strategy-agent');
 */
export async function connectInProcess(server: McpServer, clientName: string): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: clientName, version: '0.1.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  return client;
}

/** Serve `server` on this process's stdin/stdout. Logs must go to stderr: stdout is protocol only. */
export async function serveStdio(server: McpServer): Promise<void> {
  await server.connect(new StdioServerTransport());
}
