export { floorShares, wholeShares, type ChildPlan } from './shares.ts';
export { twapSchedule, type TwapInput } from './twap.ts';
export { vwapSchedule, type VolumeBucket, type VwapInput } from './vwap.ts';
export { povChildQuantity, povSchedule, type PovInput, type PovLimits } from './pov.ts';
export {
  addChildren, applyChildFill, cancelChild, createParentOrder, markChildSent, parentProgress,
  type ChildOrder, type ChildState, type ParentOrder, type ParentProgress,
} from './parent.ts';
