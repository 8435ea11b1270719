import type { Decimal } from '../../core/index.ts';

/**
 * Money for messages: two decimals with thousands separators.
 * @example formatMoney(Decimal.from('18745.3')) // '18,745.30'
 */
export function formatMoney(amount: Decimal): string {
  return groupThousands(amount.toFixed(2));
}

/**
 * A quantity for messages: exact, with thousands separators.
 * @example formatQuantity(Decimal.from('1200.5')) // '1,200.5'
 */
export function formatQuantity(quantity: Decimal): string {
  return groupThousands(quantity.toString());
}

function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
