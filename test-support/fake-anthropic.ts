import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A content block as the Messages API returns it (thinking blocks too, to test skipping them). */
export type FakeContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'thinking'; thinking: string; signature: string };

/** A Messages API response body; missing fields are filled in, and `id` is always replaced. */
export interface FakeMessage {
  id?: string;
  model?: string;
  content: FakeContentBlock[];
  stop_reason?: string;
  usage?: { input_tokens?: number; output_tokens?: number; cache_creation_input_tokens?: number; cache_read_input_tokens?: number };
  [field: string]: unknown;
}

/** An HTTP error. The SDK waits `retryAfterMs` (default 10, sent as retry-after-ms) before retrying. */
export interface FakeError { status: number; body?: unknown; headers?: Record<string, string>; retryAfterMs?: number }

export type FakeResponse = FakeMessage | FakeError;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names, as node:http gives them. */
  headers: Record<string, string>;
  /** The parsed JSON body (undefined when empty, the raw text when it is not JSON). */
  body: any;
}

export interface FakeAnthropicOptions {
  responses: FakeResponse[] | ((request: RecordedRequest, index: number) => FakeResponse | Promise<FakeResponse>);
}

export interface FakeAnthropic { url: string; requests: RecordedRequest[]; close(): Promise<void> }

/**
 * A local Messages API on 127.0.0.1: POST /v1/messages answers from the script, as JSON or, when
 * the body says `stream: true`, as the SSE event sequence. Auth headers are recorded, not checked.
 *
 * @example
 * const fake = await startFakeAnthropic({ responses: loadRecordedResponses('tool-use-roundtrip') });
 * const provider = createAnthropicProvider({ apiKey: 'test-key', baseURL: fake.url });
 */
export async function startFakeAnthropic(options: FakeAnthropicOptions): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  let messageCalls = 0;
  const server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing).catch((error: unknown) => {
      sendError(outgoing, { status: 500, body: apiError('api_error', `fake-anthropic failed: ${String(error)}`) });
    });
  });
  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const request = await readRequest(incoming);
    requests.push(request);
    if (request.method !== 'POST' || request.path !== '/v1/messages') {
      return sendError(outgoing, { status: 404, body: apiError('not_found_error', `fake-anthropic serves POST /v1/messages only, not ${request.method} ${request.path}`) });
    }
    if (typeof request.body === 'string') {
      return sendError(outgoing, { status: 400, body: apiError('invalid_request_error', 'fake-anthropic: the request body is not JSON') });
    }
    const index = messageCalls++;
    const response = await scripted(options.responses, request, index);
    if ('status' in response && typeof response.status === 'number') return sendError(outgoing, response as FakeError);
    const message = completeMessage(response as FakeMessage, request);
    if (request.body?.stream === true) return sendStream(outgoing, message);
    outgoing.writeHead(200, { 'content-type': 'application/json', 'request-id': fakeId('req_fake_') });
    outgoing.end(JSON.stringify(message));
  }
  // Keep idle sockets open longer than a slow test waits between calls, so the SDK never reuses a
  // socket the server is closing (ECONNRESET on a loaded machine).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections(); // the SDK's keep-alive sockets would hold close() open
    }),
  };
}

/**
 * The recorded responses in agents/providers/fixtures/<name>.json: a JSON array of Messages API
 * response bodies, replayed in order by startFakeAnthropic.
 */
export function loadRecordedResponses(name: string): FakeMessage[] {
  const file = new URL(`../agents/providers/fixtures/${name.replace(/\.json$/, '')}.json`, import.meta.url);
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'object' && item !== null && Array.isArray(item.content))) {
    throw new Error(`fixture ${name}: expected an array of Messages API responses, each with a content array`);
  }
  return parsed as FakeMessage[];
}

async function scripted(responses: FakeAnthropicOptions['responses'], request: RecordedRequest, index: number): Promise<FakeResponse> {
  if (typeof responses === 'function') return responses(request, index);
  const response = responses[index];
  if (response) return response;
  // x-should-retry: false, so the SDK reports the overrun at once instead of retrying it.
  const message = `fake-anthropic script ran out: request #${index + 1} to /v1/messages, but only ${responses.length} responses were scripted`;
  return { status: 500, body: apiError('api_error', message), headers: { 'x-should-retry': 'false' } };
}

async function readRequest(incoming: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const path = new URL(incoming.url ?? '/', 'http://fake').pathname;
  return { method: incoming.method ?? 'GET', path, headers, body: text ? parseOrKeep(text) : undefined };
}

/** A body that is not JSON is kept as its text, and the request then gets a 400. */
function parseOrKeep(text: string): unknown {
  try { return JSON.parse(text); } catch { return text; }
}

function completeMessage(response: FakeMessage, request: RecordedRequest): Record<string, unknown> {
  const usage = response.usage ?? {};
  return {
    type: 'message', role: 'assistant', stop_sequence: null, stop_details: null, container: null, diagnostics: null,
    ...response,
    id: fakeId('msg_fake_'),
    model: response.model ?? request.body?.model ?? 'claude-fake',
    stop_reason: response.stop_reason ?? (response.content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn'),
    usage: {
      input_tokens: usage.input_tokens ?? 10, output_tokens: usage.output_tokens ?? 5,
      cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0, cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
      cache_creation: null, server_tool_use: null, service_tier: 'standard', inference_geo: null, output_tokens_details: null, speed: null,
    },
  };
}

/** The event sequence of a streamed message: start, ping, each block in pieces, delta, stop. */
function sendStream(outgoing: ServerResponse, message: Record<string, any>): void {
  outgoing.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': fakeId('req_fake_') });
  const send = (type: string, data: Record<string, unknown>) => outgoing.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  const { usage } = message;
  send('message_start', { message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } });
  send('ping', {});
  (message.content as FakeContentBlock[]).forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '', citations: null } });
      for (const piece of halves(block.text)) send('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
    } else if (block.type === 'tool_use') {
      send('content_block_start', { index, content_block: { ...block, input: {} } });
      for (const piece of halves(JSON.stringify(block.input))) send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } });
    } else {
      send('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      send('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: block.thinking } });
      send('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    }
    send('content_block_stop', { index });
  });
  send('message_delta', {
    delta: { stop_reason: message.stop_reason, stop_sequence: null, stop_details: null, container: null },
    usage: { output_tokens: usage.output_tokens, input_tokens: usage.input_tokens, cache_creation_input_tokens: usage.cache_creation_input_tokens, cache_read_input_tokens: usage.cache_read_input_tokens },
  });
  send('message_stop', {});
  outgoing.end();
}

function sendError(outgoing: ServerResponse, error: FakeError): void {
  if (outgoing.headersSent) return void outgoing.end();
  const body = error.body ?? apiError(error.status === 429 ? 'rate_limit_error' : error.status === 529 ? 'overloaded_error' : 'api_error', `fake ${error.status}`);
  const retryAfterMs = String(error.retryAfterMs ?? 10);
  outgoing.writeHead(error.status, { 'content-type': 'application/json', 'request-id': fakeId('req_fake_'), 'retry-after-ms': retryAfterMs, ...error.headers });
  outgoing.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** The API's error body: { type: 'error', error: { type, message } }. */
export function apiError(type: string, message: string): { type: 'error'; error: { type: string; message: string } } {
  return { type: 'error', error: { type, message } };
}

const fakeId = (prefix: string): string => prefix + randomBytes(12).toString('hex');

/** Splits text in two so a streaming client must join the deltas (an empty text stays one piece). */
function halves(text: string): string[] {
  const middle = Math.ceil(text.length / 2);
  return text.length < 2 ? [text] : [text.slice(0, middle), text.slice(middle)];
}
