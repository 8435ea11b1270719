export { analyzeOrder, arrivalPrice, type ArrivalQuote, type TcaFill, type TcaOrderInput, type TcaResult } from './tca.ts';
export { analyzeParent, type TcaChildInput, type TcaParentInput } from './parent-tca.ts';
