export { jsonResult, errorResult, handle } from './results.ts';
export { connectInProcess, serveStdio } from './transports.ts';
