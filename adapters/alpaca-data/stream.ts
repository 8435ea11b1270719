import WebSocket from 'ws';
import type { Timers } from '../../core/index.ts';
import type { AlpacaCredentials } from './bars-source.ts';

/** A live bar (minute bars on Alpaca's stream). */
export interface LiveBar {
  symbol: string;
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A live top-of-book quote. */
export interface LiveQuote {
  symbol: string;
  time: string;
  bidPrice: number;
  bidSize: number;
  askPrice: number;
  askSize: number;
}

/** Connection state changes, for logs and health checks. */
export type StreamStatus =
  | { state: 'connecting'; attempt: number }
  | { state: 'subscribed'; bars: string[]; quotes: string[] }
  | { state: 'reconnecting'; attempt: number; delayMs: number }
  | { state: 'failed'; reason: string }
  | { state: 'closed' };

export interface AlpacaStreamOptions extends AlpacaCredentials {
  /** Default wss://stream.data.alpaca.markets/v2/iex. */
  url?: string;
  bars?: string[];
  quotes?: string[];
  onBar?: (bar: LiveBar) => void;
  onQuote?: (quote: LiveQuote) => void;
  onStatus?: (status: StreamStatus) => void;
  /** Reconnect delays: initialMs doubling up to maxMs (defaults 500 ms and 30 s). */
  backoff?: { initialMs: number; maxMs: number };
  timers?: Timers;
}

export interface AlpacaStream {
  /** Resolves once authenticated and subscribed (the first time). */
  ready: Promise<void>;
  close(): void;
}

type WireMessage = { T: string; S?: string; msg?: string; code?: number; t?: string; o?: number; h?: number; l?: number; c?: number; v?: number; bp?: number; bs?: number; ap?: number; as?: number };

/**
 * Stream live bars and quotes from Alpaca: connect, wait for `connected`, send
 * `{"action":"auth"}`, then `{"action":"subscribe","bars","quotes"}`. A dropped connection is
 * reopened after a delay that doubles from `backoff.initialMs` to `backoff.maxMs` (reset once
 * subscribed again); a refused key (`error` 402 or 401) stops the stream with state `failed`.
 *
 * @example
 * const stream = connectAlpacaStream({ keyId, secretKey, bars: ['AAPL'], onBar: (bar) => console.log(bar.close) });
 * await stream.ready;
 */
export function connectAlpacaStream(options: AlpacaStreamOptions): AlpacaStream {
  const timers = options.timers ?? { setTimeout: (callback, delayMs) => setTimeout(callback, delayMs), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  const subscription = { bars: options.bars ?? [], quotes: options.quotes ?? [] };
  const status = options.onStatus ?? (() => {});
  let socket: WebSocket | null = null;
  let attempt = 0;
  let stopped = false;
  let pending: unknown = null;
  let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => { settle = { resolve, reject }; });
  ready.catch(() => {});

  const fail = (reason: string) => {
    stopped = true;
    status({ state: 'failed', reason });
    settle?.reject(new Error(reason));
    socket?.close();
  };
  const handle = (message: WireMessage, current: WebSocket) => {
    if (message.T === 'success' && message.msg === 'connected') current.send(JSON.stringify({ action: 'auth', key: options.keyId, secret: options.secretKey }));
    else if (message.T === 'success' && message.msg === 'authenticated') current.send(JSON.stringify({ action: 'subscribe', ...subscription }));
    else if (message.T === 'subscription') {
      attempt = 0;
      status({ state: 'subscribed', ...subscription });
      settle?.resolve();
    } else if (message.T === 'error') {
      if (message.code === 402 || message.code === 401) fail(`alpaca stream refused the credentials (${message.code} ${message.msg})`);
      else status({ state: 'failed', reason: `alpaca stream error ${message.code} ${message.msg}` });
    } else if (message.T === 'b') options.onBar?.({ symbol: message.S!, time: message.t!, open: message.o!, high: message.h!, low: message.l!, close: message.c!, volume: message.v! });
    else if (message.T === 'q') options.onQuote?.({ symbol: message.S!, time: message.t!, bidPrice: message.bp!, bidSize: message.bs!, askPrice: message.ap!, askSize: message.as! });
  };
  const open = () => {
    pending = null;
    status({ state: 'connecting', attempt });
    const current = new WebSocket(options.url ?? 'wss://stream.data.alpaca.markets/v2/iex');
    socket = current;
    current.on('message', (data) => {
      for (const message of JSON.parse(String(data)) as WireMessage[]) handle(message, current);
    });
    current.on('error', () => {});
    current.on('close', () => {
      if (stopped) return;
      const delayMs = Math.min(backoff.initialMs * 2 ** attempt, backoff.maxMs);
      attempt += 1;
      status({ state: 'reconnecting', attempt, delayMs });
      pending = timers.setTimeout(open, delayMs);
    });
  };
  open();
  return {
    ready,
    close: () => {
      stopped = true;
      if (pending !== null) timers.clearTimeout(pending);
      socket?.close();
      status({ state: 'closed' });
    },
  };
}
