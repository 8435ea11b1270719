export { reconcile } from './reconcile.ts';
export type { DifferenceKind, LocalOrderView, LocalPositionView, ReconcileDifference, ReconcileInput, ReconcileRepair, ReconcileReport } from './types.ts';
