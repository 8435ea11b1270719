import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRecordedResponses, startFakeAnthropic, type FakeAnthropic, type FakeResponse } from './fake-anthropic.ts';

const question = { model: 'claude-sonnet-5-5', max_tokens: 256, messages: [{ role: 'user' as const, content: 'Bars for AAPL?' }] };
const toolAndThinking: FakeResponse = {
  content: [
    { type: 'thinking', thinking: 'The user wants bars.', signature: 'sig-1' },
    { type: 'text', text: 'Fetching the bars now.' },
    { type: 'tool_use', id: 'toolu_1', name: 'get_bars', input: { symbol: 'AAPL', limit: 5, window: { from: '2025-01-02' } } },
  ],
  usage: { input_tokens: 20, output_tokens: 9, cache_read_input_tokens: 100 },
};

describe('startFakeAnthropic', () => {
  let fake: FakeAnthropic | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  const clientFor = (server: FakeAnthropic) => new Anthropic({ apiKey: 'sk-fake-key', baseURL: server.url, maxRetries: 0 });

  it('answers with a complete Message, a fresh id each time, and records headers and body', async () => {
    fake = await startFakeAnthropic({ responses: [{ content: [{ type: 'text', text: 'one' }] }, { content: [{ type: 'text', text: 'two' }] }] });
    const client = clientFor(fake);
    const first = await client.messages.create(question);
    const second = await client.messages.create(question);
    expect(first).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', stop_reason: 'end_turn', content: [{ type: 'text', text: 'one' }] });
    expect(first.usage).toMatchObject({ input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(first.id).toMatch(/^msg_fake_/);
    expect(second.id).not.toBe(first.id);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages', body: question });
    expect(fake.requests[0].headers.authorization ?? fake.requests[0].headers['x-api-key']).toContain('sk-fake-key');
  });

  it('streams the SSE event sequence that the SDK assembles into the same message', async () => {
    fake = await startFakeAnthropic({ responses: [toolAndThinking] });
    const streamed = await clientFor(fake).messages.stream(question).finalMessage();
    expect(streamed.stop_reason).toBe('tool_use');
    expect(streamed.content).toEqual([
      { type: 'thinking', thinking: 'The user wants bars.', signature: 'sig-1' },
      { type: 'text', text: 'Fetching the bars now.', citations: null },
      { type: 'tool_use', id: 'toolu_1', name: 'get_bars', input: { symbol: 'AAPL', limit: 5, window: { from: '2025-01-02' } } },
    ]);
    expect(streamed.usage).toMatchObject({ input_tokens: 20, output_tokens: 9, cache_read_input_tokens: 100 });
  });

  it('emits the raw events in API order for create({ stream: true })', async () => {
    fake = await startFakeAnthropic({ responses: [{ content: [{ type: 'tool_use', id: 'toolu_2', name: 'get_bars', input: { symbol: 'MSFT' } }] }] });
    const stream = await clientFor(fake).messages.create({ ...question, stream: true });
    const events: string[] = [];
    let json = '';
    for await (const event of stream) {
      events.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') json += event.delta.partial_json;
    }
    expect(events).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(JSON.parse(json)).toEqual({ symbol: 'MSFT' });
  });

  it('fails clearly, without SDK retries, when the script runs out', async () => {
    fake = await startFakeAnthropic({ responses: [] });
    await expect(clientFor(fake).withOptions({ maxRetries: 3 }).messages.create(question)).rejects.toThrow(/script ran out: request #1 .* only 0 responses/);
    expect(fake.requests).toHaveLength(1);
  });

  it('serves scripted errors and lets a function pick the response', async () => {
    fake = await startFakeAnthropic({
      responses: (request, index) => (index === 0 ? { status: 529 } : { content: [{ type: 'text', text: `seen ${request.body.messages.length}` }] }),
    });
    const first = await fetch(`${fake.url}/v1/messages`, { method: 'POST', body: JSON.stringify(question) });
    expect(first.status).toBe(529);
    expect(await first.json()).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'fake 529' } });
    const second = await clientFor(fake).messages.create(question);
    expect(second.content).toEqual([{ type: 'text', text: 'seen 1' }]);
  });

  it('answers 404 outside POST /v1/messages and 400 to a body that is not JSON', async () => {
    fake = await startFakeAnthropic({ responses: [] });
    expect((await fetch(`${fake.url}/v1/models`)).status).toBe(404);
    expect((await fetch(`${fake.url}/v1/messages`, { method: 'POST', body: '{nope' })).status).toBe(400);
    expect(fake.requests.map((request) => request.path)).toEqual(['/v1/models', '/v1/messages']);
  });
});

describe('loadRecordedResponses', () => {
  it('loads the tool-use round trip: a get_bars call, then a text answer', () => {
    const [call, answer] = loadRecordedResponses('tool-use-roundtrip');
    expect(call.content).toContainEqual({ type: 'tool_use', id: expect.any(String), name: 'get_bars', input: { symbol: 'AAPL', limit: 5 } });
    expect(call.stop_reason).toBe('tool_use');
    expect(answer.content).toEqual([{ type: 'text', text: expect.any(String) }]);
    expect(answer.stop_reason).toBe('end_turn');
  });

  it('names the fixture when it cannot be found', () => {
    expect(() => loadRecordedResponses('no-such-fixture')).toThrow(/no-such-fixture/);
  });
});
