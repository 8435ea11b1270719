import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../core/errors.ts';
import { apiError, loadRecordedResponses, startFakeAnthropic, type FakeAnthropic, type FakeAnthropicOptions } from '../../test-support/fake-anthropic.ts';
import { createAnthropicProvider, DEFAULT_CLAUDE_MODEL } from './anthropic.ts';
import type { ModelRequest, ToolDefinition } from './types.ts';

const apiKey = 'sk-ant-test-0123456789-secret';
const tools: ToolDefinition[] = [
  { name: 'get_bars', description: 'Daily bars for a symbol', input_schema: { type: 'object', properties: { symbol: { type: 'string' }, limit: { type: 'integer' } }, required: ['symbol'] } },
  { name: 'run_backtest', description: 'Backtest a strategy', input_schema: { type: 'object', properties: { strategy: { type: 'string' } } } },
];
const request: ModelRequest = { agent: 'analyst', system: 'You are the desk analyst.', messages: [{ role: 'user', content: 'How did AAPL do this week?' }], tools };

describe('createAnthropicProvider', () => {
  let fake: FakeAnthropic | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  async function providerWith(responses: FakeAnthropicOptions['responses'], maxRetries?: number) {
    fake = await startFakeAnthropic({ responses });
    return createAnthropicProvider({ apiKey, baseURL: fake.url, maxRetries });
  }

  it('maps tool_use and text blocks, stop reasons and cache usage over a tool round trip', async () => {
    const provider = await providerWith(loadRecordedResponses('tool-use-roundtrip'));
    const call = await provider.complete(request);
    expect(call.stopReason).toBe('tool_use');
    expect(call.content).toEqual([
      { type: 'text', text: "I'll look at the last five daily bars for AAPL." },
      { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_bars', input: { symbol: 'AAPL', limit: 5 } },
    ]);
    expect(call.usage).toEqual({ inputTokens: 412, outputTokens: 71, cacheReadTokens: 0, cacheWriteTokens: 1536 });
    expect(call.model).toBe('claude-sonnet-5-5');

    const toolResult = { type: 'tool_result' as const, tool_use_id: 'toolu_01A09q90qw90lq917835lq9', content: '[{"close":191.45}]' };
    const answer = await provider.complete({
      ...request,
      messages: [...request.messages, { role: 'assistant', content: call.content }, { role: 'user', content: [toolResult] }],
    });
    expect(answer.stopReason).toBe('end_turn');
    expect(answer.content).toEqual([{ type: 'text', text: expect.stringContaining('AAPL closed higher') }]);
    expect(answer.usage).toEqual({ inputTokens: 530, outputTokens: 38, cacheReadTokens: 1536, cacheWriteTokens: 0 });
    expect(answer.id).not.toBe(call.id);
    expect(fake?.requests[1].body.messages.at(-1)).toEqual({ role: 'user', content: [toolResult] });
  });

  it('sends the system prompt and the tools with cache breakpoints, the model and max_tokens', async () => {
    const provider = await providerWith([{ content: [{ type: 'text', text: 'ok' }] }]);
    await provider.complete({ ...request, maxTokens: 1000 });
    const body = fake!.requests[0].body;
    expect(body.system).toEqual([{ type: 'text', text: 'You are the desk analyst.', cache_control: { type: 'ephemeral' } }]);
    expect(body.tools).toEqual([
      { name: 'get_bars', description: 'Daily bars for a symbol', input_schema: tools[0].input_schema },
      { name: 'run_backtest', description: 'Backtest a strategy', input_schema: tools[1].input_schema, cache_control: { type: 'ephemeral' } },
    ]);
    expect(body).toMatchObject({ model: DEFAULT_CLAUDE_MODEL, max_tokens: 1000, messages: request.messages });
    expect(body.stream).toBeUndefined();
    expect(fake!.requests[0].headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(provider).toMatchObject({ mode: 'claude', model: DEFAULT_CLAUDE_MODEL });
  });

  it('leaves out tools and system when there are none', async () => {
    const provider = await providerWith([{ content: [{ type: 'text', text: 'ok' }] }]);
    await provider.complete({ ...request, system: '', tools: [] });
    expect(fake!.requests[0].body).not.toHaveProperty('tools');
    expect(fake!.requests[0].body).not.toHaveProperty('system');
  });

  it('skips thinking blocks', async () => {
    const provider = await providerWith([{ content: [{ type: 'thinking', thinking: 'hmm', signature: 's' }, { type: 'text', text: 'answer' }] }]);
    expect((await provider.complete(request)).content).toEqual([{ type: 'text', text: 'answer' }]);
  });

  it('retries 529 and 500 with backoff, then succeeds', async () => {
    const provider = await providerWith([{ status: 529 }, { status: 500 }, { content: [{ type: 'text', text: 'third time' }] }]);
    const response = await provider.complete(request);
    expect(response.content).toEqual([{ type: 'text', text: 'third time' }]);
    expect(fake!.requests).toHaveLength(3);
  });

  it('retries a 429 and gives up after maxRetries with a model_error naming the status', async () => {
    const rateLimited = { status: 429, body: apiError('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit') };
    const provider = await providerWith([rateLimited, rateLimited, rateLimited], 1);
    const error = await provider.complete(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'model_error', details: { status: 429, type: 'rate_limit_error' } });
    expect((error as DeskError).message).toMatch(/429 rate_limit_error: Number of request tokens/);
    expect(fake!.requests).toHaveLength(2);
  });

  it('turns a 400 into a model_error with the status and the API message, never the key', async () => {
    // A hostile or buggy server echoing the Authorization header must not put the key in the error.
    const provider = await providerWith((recorded) => ({
      status: 400,
      body: apiError('invalid_request_error', `messages: text content blocks must be non-empty (auth was ${recorded.headers.authorization})`),
    }));
    const error = await provider.complete(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'model_error', details: { status: 400, type: 'invalid_request_error' } });
    const { message, cause } = error as DeskError;
    expect(message).toMatch(/^Claude API returned 400 invalid_request_error: messages: text content blocks must be non-empty/);
    expect(message).not.toContain(apiKey);
    expect(cause).toBeUndefined();
    expect(fake!.requests).toHaveLength(1);
  });

  it('keeps the SDK error as the cause when it holds no key', async () => {
    const provider = await providerWith([{ status: 401, body: apiError('authentication_error', 'invalid x-api-key') }]);
    const error = (await provider.complete(request).catch((caught: unknown) => caught)) as DeskError;
    expect(error.message).toBe('Claude API returned 401 authentication_error: invalid x-api-key');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('reports an unreachable API as a model_error', async () => {
    fake = await startFakeAnthropic({ responses: [] });
    const url = fake.url;
    await fake.close();
    fake = undefined;
    const provider = createAnthropicProvider({ apiKey, baseURL: url, maxRetries: 0 });
    await expect(provider.complete(request)).rejects.toMatchObject({ code: 'model_error', message: expect.stringContaining(url) });
  });

  it('refuses an empty api key', () => {
    expect(() => createAnthropicProvider({ apiKey: '' })).toThrow(expect.objectContaining({ code: 'config_error' }));
  });
});
