import { DeskError, type BacktestSettings } from '../../../core/index.ts';
import { commissionFor, validateCostModels, type CommissionModel, type SlippageModel } from '../../fills/index.ts';

/** Settings resolved to what the engine loop reads. */
export interface EngineConfig {
  initialCash: number;
  commission: CommissionModel;
  slippage: SlippageModel | null;
  participationCap: number | undefined;
  fillAtClose: boolean;
  maxLeverage: number;
  /** Borrow fee per bar as a fraction of short market value (annual rate / 252). */
  borrowPerBar: number;
}

/**
 * Validate backtest settings and fill in the defaults: percent commission at commissionRate,
 * no slippage, no participation cap, fills at the next open, leverage 1, no borrow fee.
 *
 * @example engineConfig({ initialCash: 100_000, commissionRate: 0.001 }).maxLeverage // 1
 */
export function engineConfig(settings: BacktestSettings): EngineConfig {
  if (!(Number.isFinite(settings.initialCash) && settings.initialCash > 0)) {
    throw new DeskError('invalid_input', `initialCash must be a number > 0 (got ${settings.initialCash})`, { field: 'initialCash' });
  }
  if (!(Number.isFinite(settings.commissionRate) && settings.commissionRate >= 0)) {
    throw new DeskError('invalid_input', `commissionRate must be a number >= 0 (got ${settings.commissionRate})`, { field: 'commissionRate' });
  }
  const commission: CommissionModel = settings.commission ?? { kind: 'percent', rate: settings.commissionRate };
  validateCostModels(settings.slippage ?? { kind: 'bps', bps: 0 }, commission, settings.participationCap);
  const maxLeverage = settings.maxLeverage ?? 1;
  if (!(Number.isFinite(maxLeverage) && maxLeverage > 0)) throw new DeskError('invalid_input', `maxLeverage must be a number > 0 (got ${maxLeverage})`, { field: 'maxLeverage' });
  const borrowRate = settings.borrowRate ?? 0;
  if (!(Number.isFinite(borrowRate) && borrowRate >= 0 && borrowRate <= 1)) {
    throw new DeskError('invalid_input', `borrowRate must be an annual fraction from 0 to 1 (got ${borrowRate})`, { field: 'borrowRate' });
  }
  return {
    initialCash: settings.initialCash,
    commission,
    slippage: settings.slippage ?? null,
    participationCap: settings.participationCap,
    fillAtClose: settings.fillAt === 'close',
    maxLeverage,
    borrowPerBar: borrowRate / 252,
  };
}

/**
 * The most whole shares q with q × price + leverage × commission(q) <= amount: what a budget
 * buys (leverage 1), or what a margin headroom allows. Percent commission has a closed form.
 *
 * @example affordableQuantity(1000, 11, { kind: 'percent', rate: 0.01 }, 1) // 90
 */
export function affordableQuantity(amount: number, price: number, model: CommissionModel, leverage: number): number {
  if (!(amount > 0 && price > 0)) return 0;
  if (model.kind === 'percent') return Math.max(0, Math.floor(amount / (price * (1 + leverage * model.rate))));
  const perShare = model.kind === 'per_share' ? model.perShare : 0;
  const fee = model.kind === 'fixed' ? model.amount : model.minimum;
  let quantity = Math.max(0, Math.floor(Math.max(amount / (price + leverage * perShare), 0)));
  if (model.kind === 'fixed' || quantity * perShare < fee) quantity = Math.min(quantity, Math.max(0, Math.floor((amount - leverage * fee) / price)));
  while (quantity > 0 && quantity * price + leverage * commissionFor(model, quantity, price) > amount) quantity--;
  return quantity;
}
