export { createPaperBroker, type PaperBroker, type PaperBrokerOptions, type VenueBar } from './paper-broker.ts';
export { createMemoryPaperVenue } from './paper-venue-memory.ts';
export { venuePositions, venueReport } from './paper-venue-records.ts';
export { applyFillToPosition } from './position.ts';
export {
  bookLocalTransition, bookReport, placeOrder, submitAndBook,
  type ExecutionDependencies, type PlaceOrderContext, type PlaceOrderDependencies, type PlaceOrderResult,
} from './place-order.ts';
export {
  applyVenueReports, cancelOpenOrders, cancelOrder, createOrderManager, defaultSessionEnd, expireDayOrders, syncWithBroker,
  type OrderManager, type SyncResult,
} from './order-manager.ts';
export { applyBrokerReport, type AppliedReport, type ApplyReportContext } from './apply-report.ts';
export { assertTransition, canTransition, isOpenStatus, OPEN_STATUSES, ORDER_TRANSITIONS } from './order-state.ts';
export { checkBooks, deriveBooks, type BooksCheck, type DerivedBooks } from './books.ts';
export { EXECUTION_PROBES, type ExecutionProbe, type ExecutionProbePoint } from './probes.ts';
export { assertSameOrder, newOrderRecord } from './order-records.ts';
export { executionTotals, summarizeExecution, type OrderExecutionSummary } from './execution-report.ts';
