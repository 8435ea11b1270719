import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isDeskError } from '../../core/index.ts';
import { createToolRegistry } from './toolbox.ts';

async function connectedServer(): Promise<Client> {
  const server = new McpServer({ name: 'test', version: '1' });
  server.registerTool('echo', { inputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text: JSON.stringify({ text }) }] }));
  server.registerTool('slow', { inputSchema: {} }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { content: [{ type: 'text', text: '{}' }] };
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}

describe('toolbox', () => {
  it('calls allowlisted tools over MCP and shows only those to the model', async () => {
    const toolbox = (await createToolRegistry({ test: await connectedServer() })).restrict(['echo']);
    expect(toolbox.definitions().map((tool) => tool.name)).toEqual(['echo']);
    expect(await toolbox.call('echo', { text: 'hi' })).toMatchObject({ server: 'test', result: { text: 'hi' }, isError: false });
  });

  it('refuses a tool outside the allowlist', async () => {
    const toolbox = (await createToolRegistry({ test: await connectedServer() })).restrict(['echo']);
    await expect(toolbox.call('slow', {})).rejects.toSatisfy((error) => isDeskError(error, 'tool_not_allowed'));
  });

  it('refuses an allowlist that names a tool no server offers', async () => {
    const registry = await createToolRegistry({ test: await connectedServer() });
    expect(() => registry.restrict(['place_order'])).toThrow(/place_order is not offered/);
  });

  it('reports a tool that does not answer in time as a failed call', async () => {
    const toolbox = (await createToolRegistry({ test: await connectedServer() }, { timeoutMs: 50 })).restrict(['slow']);
    const outcome = await toolbox.call('slow', {});
    expect(outcome).toMatchObject({ isError: true, text: 'tool slow did not answer within 50 ms' });
  });

  it('passes invalid arguments back as an error result naming the field', async () => {
    const toolbox = (await createToolRegistry({ test: await connectedServer() })).restrict(['echo']);
    const outcome = await toolbox.call('echo', { text: 5 });
    expect(outcome.isError).toBe(true);
    expect(outcome.text).toMatch(/text/);
  });
});
