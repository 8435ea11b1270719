export { ema, sma } from './moving-averages.ts';
