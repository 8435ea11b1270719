import type { OrderSide } from '../../core/index.ts';
import type { BrokerOrderSnapshot, BrokerPositionSnapshot, ExecutionOrderStatus } from '../broker-orders/index.ts';

/** The fields of a stored order that reconciliation reads (core's Order has them all). */
export interface LocalOrderView {
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  quantity: string;
  filledQuantity: string;
  averagePrice: string | null;
  status: ExecutionOrderStatus;
  createdAt: string;
}

/** A stored position (core's Position has these fields). */
export interface LocalPositionView {
  symbol: string;
  quantity: string;
}

export interface ReconcileInput {
  /** The orders routed to this broker. */
  localOrders: LocalOrderView[];
  brokerOrders: BrokerOrderSnapshot[];
  localPositions: LocalPositionView[];
  brokerPositions: BrokerPositionSnapshot[];
  /** The broker's orders were listed from this instant (ISO); older local orders are not compared. */
  brokerWindowStart?: string;
}

export type DifferenceKind = 'missing_at_broker' | 'missing_locally' | 'status_differs' | 'fill_quantity_differs' | 'fields_differ' | 'position_differs';

/** What to do about a difference; the store applies them, in order. */
export type ReconcileRepair =
  /** Record the broker's order locally, with its filled quantity at its average price. */
  | { action: 'import_broker_order'; brokerOrderId: string }
  /** Book a fill the broker reports and the store lacks (quantity at price, exact). */
  | { action: 'import_broker_fill'; quantity: string; price: string }
  | { action: 'set_local_status'; status: ExecutionOrderStatus }
  | { action: 'mark_local_rejected'; reason: string }
  /** The desk cancelled it but the broker still works it. */
  | { action: 'cancel_at_broker'; brokerOrderId: string }
  /** A position gap that the order repairs above close exactly. */
  | { action: 'resolved_by_order_repairs' }
  | { action: 'flag_for_human' };

export interface ReconcileDifference {
  kind: DifferenceKind;
  clientOrderId: string | null;
  symbol: string;
  /** The differing value on each side, as text ("filled 10 @ 187.43", "-5"); null when absent. */
  local: string | null;
  broker: string | null;
  repairs: ReconcileRepair[];
  reason: string;
}

export interface ReconcileReport {
  differences: ReconcileDifference[];
  /** Orders present on both sides with nothing to repair. */
  matchedOrders: number;
  clean: boolean;
}
