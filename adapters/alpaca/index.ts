export { alpacaOptionsFromEnv, createAlpacaBroker, type AlpacaBrokerOptions } from './broker.ts';
export { ALPACA_PAPER_URL, parseRetryAfter } from './http.ts';
export { ALPACA_ORDER_STATUSES, mapAlpacaStatus, orderRequestBody, toAccountSnapshot, toOrderSnapshot, toPositionSnapshot, type AlpacaOrderStatus } from './wire.ts';
export { startFakeAlpaca, type FakeAlpaca, type FakeAlpacaFault, type FakeAlpacaOptions } from './fake-alpaca-server.ts';
