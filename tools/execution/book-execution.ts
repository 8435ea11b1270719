import { Decimal, type BrokerExecution, type ExecutionTransaction, type Fill, type IdSource, type Order } from '../../core/index.ts';
import { applyFillToPosition } from './position.ts';

/**
 * Record what the broker did, inside one transaction: for a fill, the fill rows, the order as
 * filled (quantity and average price), the position and the cash (buy: cash -= value +
 * commission; sell: cash += value - commission); for a rejection, the order with its reason.
 *
 * @example await store.transaction((transaction) => bookExecution(transaction, order, execution, { ids, now }))
 */
export async function bookExecution(
  transaction: ExecutionTransaction,
  order: Order,
  execution: BrokerExecution,
  context: { ids: IdSource; now: string },
): Promise<{ order: Order; fills: Fill[] }> {
  if (execution.status === 'rejected' || execution.fills.length === 0) {
    const reason = execution.status === 'rejected' ? execution.reason : 'the broker reported a fill without any quantity';
    const rejected: Order = { ...order, status: 'rejected', rejectReason: reason, updatedAt: context.now };
    await transaction.updateOrder(rejected);
    return { order: rejected, fills: [] };
  }
  const fills: Fill[] = [];
  let filledQuantity = Decimal.ZERO;
  let filledValue = Decimal.ZERO;
  let cashChange = Decimal.ZERO;
  for (const brokerFill of execution.fills) {
    const fill: Fill = {
      id: context.ids.next('fill'), orderId: order.id, symbol: order.symbol, side: order.side,
      quantity: brokerFill.quantity.toString(), price: brokerFill.price.toString(), commission: brokerFill.commission.toString(), filledAt: context.now,
    };
    await transaction.insertFill(fill);
    await transaction.savePosition(applyFillToPosition(await transaction.getPosition(order.symbol), fill, context.now));
    const value = brokerFill.quantity.mul(brokerFill.price);
    cashChange = cashChange.add(order.side === 'buy' ? value.add(brokerFill.commission).neg() : value.sub(brokerFill.commission));
    filledQuantity = filledQuantity.add(brokerFill.quantity);
    filledValue = filledValue.add(value);
    fills.push(fill);
  }
  const account = await transaction.getAccount();
  await transaction.saveAccount({ ...account, cash: Decimal.from(account.cash, 'cash').add(cashChange).toString() });
  const filled: Order = {
    ...order,
    status: 'filled',
    filledQuantity: filledQuantity.toString(),
    averagePrice: filledQuantity.isZero() ? null : filledValue.div(filledQuantity).toString(),
    updatedAt: context.now,
  };
  await transaction.updateOrder(filled);
  return { order: filled, fills };
}
