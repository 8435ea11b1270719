export { checkOrder, type CheckOrderInput } from './check-order.ts';
export { canonicalApproval, signApproval, verifyApproval, type ApprovalKind, type ApprovalVerification } from './approval.ts';
export { formatMoney, formatQuantity } from './format.ts';
