// Types of the browser module render.js (plain JavaScript, served as-is), for its vitest tests.
import type { Account, CriticVerdict, Decision, Order, Position } from '../../../core/index.ts';
import type { EquityReport } from '../dashboard-equity.ts';

export interface ViewNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: Array<ViewNode | string>;
}
type Child = ViewNode | string | number | null | undefined | false | Child[];

/** The DOM calls toDom makes; a browser Document has them. */
export interface DomBuilder<N> {
  createElement(tag: string): N & { setAttribute(name: string, value: string): void; appendChild(child: N): unknown };
  createElementNS(namespace: string, tag: string): N & { setAttribute(name: string, value: string): void; appendChild(child: N): unknown };
  createTextNode(text: string): N;
}

export function h(tag: string, attrs: Record<string, string | number> | null, ...children: Child[]): ViewNode;
export function toDom<N>(node: ViewNode | string, doc: DomBuilder<N>): N;
export function money(value: string | number | null | undefined): string;
export function quantity(value: string): string;
export function accountSummary(account: Account, equity: EquityReport): ViewNode;
export function positionsTable(positions: Position[], marks: EquityReport['marks']): ViewNode;
export function ordersTable(orders: Order[]): ViewNode;
export function equityChart(points: EquityReport['points']): ViewNode;
export function signalsSection(): ViewNode;
export function decisionSummary(decision: Pick<Decision, 'input' | 'output'>): string;
export function decisionsTable(log: { decisions: Decision[]; verdicts: CriticVerdict[] }): ViewNode;
