export { buildDeskGraph, readThread, resumeTurn, runTurn, type DeskGraph, type TurnEvent, type TurnResult } from './desk-graph.ts';
export type { ApprovalAnswer, ApprovalRequest } from './nodes/human-approval.ts';
export type { DeskGraphDeps } from './deps.ts';
export { DeskState, turnInput, type TurnTrace } from './state.ts';
export { replayThread, type ReplayReport, type DecisionSummary } from './replay.ts';
