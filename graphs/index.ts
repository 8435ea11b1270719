export { buildDeskGraph, readThread, runTurn, type DeskGraph, type TurnResult } from './desk-graph.ts';
export type { DeskGraphDeps } from './deps.ts';
export { DeskState, turnInput, type TurnTrace } from './state.ts';
