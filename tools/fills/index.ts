export { matchOrderOnBar, type BarMatch, type FillOrderType, type FillSide, type PriceBar, type RestingOrder } from './bar-fill.ts';
export { applySlippage, commissionFor, NO_COMMISSION, NO_SLIPPAGE, participationLimit, validateCostModels, type CommissionModel, type SlippageModel } from './costs.ts';
