/**
 * Named points of the order path. The order manager and the paper venue call an injected probe
 * at each; production passes none, the crash tests kill the process at one of them.
 */
export const EXECUTION_PROBES = [
  'place:before-insert',
  'place:after-insert',
  'place:after-new-event',
  'place:after-store-commit',
  'place:after-submit',
  'book:after-fill-insert',
  'book:after-fill-event',
  'book:after-position',
  'book:after-cash',
  'book:after-status-event',
  'book:before-commit',
  'book:after-commit',
  'venue:before-save',
  'venue:after-order-row',
  'venue:after-fill-row',
  'venue:after-commit',
  'venue-bar:after-fill-row',
  'venue-bar:after-commit',
  'venue-cancel:after-commit',
  'cancel:after-venue',
  'sync:after-venue-report',
] as const;

export type ExecutionProbePoint = (typeof EXECUTION_PROBES)[number];

/** Called at each probe point; synchronous so that a crash test stops the process right there. */
export type ExecutionProbe = (point: ExecutionProbePoint) => void;
