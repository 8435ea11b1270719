import type { OrderSide } from '../../core/index.ts';
import { analyzeOrder, arrivalPrice, type ArrivalQuote, type TcaFill, type TcaResult } from './tca.ts';

export interface TcaChildInput {
  childId: string;
  quantity: string;
  /** The price when the child was released (its own arrival). */
  arrival: ArrivalQuote;
  fills: TcaFill[];
}

export interface TcaParentInput {
  side: OrderSide;
  quantity: string;
  /** The decision-time price of the parent. */
  arrival: ArrivalQuote;
  children: TcaChildInput[];
  /** Values the parent's unfilled shares; required when the parent did not fill completely. */
  finalPrice?: string;
}

/**
 * TCA of a parent order: the aggregate of all its children's fills against the parent's
 * decision-time price, and each child against the price at its own release (a child's
 * unfilled part is valued at the parent's final price, or at its own arrival when none is given).
 *
 * @example analyzeParent({ side: 'buy', quantity: '1000', arrival: { last: '100' }, children }).parent.implementationShortfallBps
 */
export function analyzeParent(input: TcaParentInput): { parent: TcaResult; children: Array<TcaResult & { childId: string }> } {
  const parent = analyzeOrder({ side: input.side, quantity: input.quantity, arrival: input.arrival, fills: input.children.flatMap((child) => child.fills), finalPrice: input.finalPrice });
  const children = input.children.map((child) => {
    const finalPrice = input.finalPrice ?? arrivalPrice(child.arrival).toString();
    return { childId: child.childId, ...analyzeOrder({ side: input.side, quantity: child.quantity, arrival: child.arrival, fills: child.fills, finalPrice }) };
  });
  return { parent, children };
}
