export { checkOrder, killSwitchTrigger, RISK_RULES, type CheckOrderInput } from './check-order.ts';
export { canonicalApproval, signApproval, verifyApproval, type ApprovalKind, type ApprovalVerification } from './approval.ts';
export { formatMoney, formatQuantity } from './format.ts';
export { compileLimits, effectiveLimits, type CompiledLimits } from './limits.ts';
export { equityOf, portfolioTotals, sectorOf, type MarkedPosition, type PortfolioTotals, type RiskSnapshot } from './snapshot.ts';
export type { OrderMarket, OrderFacts } from './order-facts.ts';
export { callerFromScopes, requireRole } from './roles.ts';
