export { createPaperBroker, type PaperBrokerOptions } from './paper-broker.ts';
export { applyFillToPosition } from './position.ts';
export { placeOrder, type PlaceOrderContext, type PlaceOrderDependencies, type PlaceOrderResult } from './place-order.ts';
export { bookExecution } from './book-execution.ts';
export { assertSameOrder, newOrderRecord } from './order-records.ts';
