export {
  EXECUTION_ORDER_STATUSES, isTerminalStatus,
  type BrokerAccountSnapshot, type BrokerOrderSnapshot, type BrokerPositionSnapshot, type ExecutionOrderStatus,
  type BrokerOrderListing, type VenueBroker, type VenueOrderRequest, type VenueOrderType, type VenueTimeInForce,
} from './types.ts';
export { assertSameVenueOrder } from './same-order.ts';
export { venueRequestFor } from './venue-request.ts';
