// The dashboard's views: API data in, a small tree of plain objects out ({ tag, attrs, children },
// strings for text). toDom() turns a tree into DOM nodes with createElement and createTextNode
// only, and sets only allowlisted attributes: data from the API (decision text, news, symbols) is
// never parsed as HTML. Runs in the browser as-is and under vitest; no dependencies, no build.

const SVG = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'polyline', 'line', 'text', 'g', 'title']);
const ATTRIBUTES = new Set(['class', 'title', 'colspan', 'role', 'aria-label', 'viewBox', 'preserveAspectRatio', 'points', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'text-anchor']);

/** A view node: `h('td', { class: 'num' }, '10')`. Children may be nodes, strings, numbers, null or arrays. */
export function h(tag, attrs, ...children) {
  return { tag, attrs: attrs ?? {}, children: children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false).map((child) => (typeof child === 'object' ? child : String(child))) };
}

/** Build DOM nodes for a view tree in `doc` (a Document). Text goes through createTextNode only. */
export function toDom(node, doc) {
  if (typeof node === 'string') return doc.createTextNode(node);
  const element = SVG_TAGS.has(node.tag) ? doc.createElementNS(SVG, node.tag) : doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!ATTRIBUTES.has(name)) throw new Error(`dashboard: attribute ${name} is not allowed`);
    element.setAttribute(name, String(value));
  }
  for (const child of node.children) element.appendChild(toDom(child, doc));
  return element;
}

const grouped = (value, decimals) => Number(value).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
/** A decimal string as money: '1234.5' -> '1,234.50'. */
export const money = (value) => (value === null || value === undefined || value === '' || Number.isNaN(Number(value)) ? '—' : grouped(value, 2));
/** A decimal string as a quantity, exact digits kept: '1500' -> '1,500'. */
export const quantity = (value) => String(value).replace(/^(-?\d+)/, (whole) => grouped(whole, 0));
const signClass = (value) => (value > 0 ? 'num up' : value < 0 ? 'num down' : 'num');
const time = (iso) => String(iso).replace('T', ' ').slice(0, 19);
const empty = (columns, text) => h('tr', null, h('td', { colspan: columns, class: 'empty' }, text));
const table = (headers, rows) => h('table', null, h('thead', null, h('tr', null, headers.map((header) => h('th', null, header)))), h('tbody', null, rows));

/** Cash, holdings value, equity and P&L since the start, from /api/account and /api/equity. */
export function accountSummary(account, equity) {
  const last = equity.points.at(-1);
  const total = last ? Number(last.equity) : Number(account.cash);
  const pnl = total - Number(account.startingCash);
  const card = (label, value, className) => h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: className ?? 'num' }, value));
  return h('div', { class: 'cards' },
    card('Equity', money(total)),
    card('Cash', money(account.cash)),
    card('Holdings', money(last ? last.holdings : '0')),
    card('P&L since start', `${pnl >= 0 ? '+' : ''}${money(pnl)}`, signClass(pnl)),
    card('Starting cash', money(account.startingCash)));
}

/** Positions with their latest close, market value and unrealized P&L. */
export function positionsTable(positions, marks) {
  const rows = positions.map((position) => {
    const mark = marks[position.symbol];
    const unrealized = mark ? (Number(mark.close) - Number(position.averagePrice)) * Number(position.quantity) : null;
    return h('tr', null,
      h('td', null, position.symbol),
      h('td', { class: 'num' }, quantity(position.quantity)),
      h('td', { class: 'num' }, money(position.averagePrice)),
      h('td', { class: 'num', title: mark ? `close of ${mark.date}` : 'no close stored' }, mark ? money(mark.close) : '—'),
      h('td', { class: 'num' }, mark ? money(Number(mark.close) * Number(position.quantity)) : '—'),
      h('td', { class: unrealized === null ? 'num' : signClass(unrealized) }, unrealized === null ? '—' : money(unrealized)),
      h('td', { class: 'num' }, money(position.realizedPnl)));
  });
  return table(['Symbol', 'Quantity', 'Avg price', 'Last close', 'Value', 'Unrealized', 'Realized'], rows.length ? rows : empty(7, 'No open positions.'));
}

/** The latest orders, newest first. */
export function ordersTable(orders) {
  const rows = orders.map((order) => h('tr', null,
    h('td', null, time(order.createdAt)),
    h('td', null, order.symbol),
    h('td', { class: `side ${order.side === 'sell' ? 'down' : 'up'}` }, order.side),
    h('td', { class: 'num' }, quantity(order.quantity)),
    h('td', null, order.type === 'limit' ? `limit ${money(order.limitPrice)}` : 'market'),
    h('td', { class: `status ${order.status}`, title: order.rejectReason ?? '' }, order.status),
    h('td', { class: 'num' }, order.averagePrice === null ? '—' : money(order.averagePrice)),
    h('td', { class: 'thread' }, order.threadId ?? '—')));
  return table(['Time (UTC)', 'Symbol', 'Side', 'Quantity', 'Type', 'Status', 'Avg price', 'Thread'], rows.length ? rows : empty(8, 'No orders yet.'));
}

/** The equity curve as an SVG line, with its first and last day and its range. */
export function equityChart(points) {
  if (points.length < 2) return h('p', { class: 'empty' }, points.length ? `Equity ${money(points[0].equity)} on ${points[0].date}; the curve needs a second day.` : 'No fills yet: the curve starts with the first fill.');
  const values = points.map((point) => Number(point.equity));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const width = 600;
  const height = 160;
  const line = values.map((value, index) => `${((index / (values.length - 1)) * width).toFixed(1)},${(height - ((value - low) / span) * (height - 20) - 10).toFixed(1)}`).join(' ');
  return h('figure', null,
    h('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': `Equity from ${points[0].date} to ${points.at(-1).date}` },
      h('polyline', { points: line, class: 'curve' })),
    h('figcaption', null, `${points[0].date} → ${points.at(-1).date} · low ${money(low)} · high ${money(high)} · last ${money(values.at(-1))}`));
}

/** The signals section while the desk has no signals API: says so plainly. */
export function signalsSection() {
  return h('p', { class: 'empty' }, 'No signals feed on this desk yet (no /api/signals route): nothing to show.');
}

/** A one-line summary of what a decision said or did. */
export function decisionSummary(decision) {
  const output = decision.output ?? {};
  if (typeof output === 'string') return output;
  if (typeof output.reply === 'string' && output.reply) return output.reply;
  if (typeof output.question === 'string') return `asks: ${output.question}`;
  if (output.action === 'route') return `route to ${output.agent}: ${output.task ?? ''}`;
  if (output.decision && output.by) return `${output.decision} by ${output.by}${output.note ? `: ${output.note}` : ''}`;
  const request = decision.input && decision.input.request;
  return typeof request === 'string' ? `request: ${request}` : JSON.stringify(output).slice(0, 300);
}

/** The decision log, newest first, each decision with its critic verdicts and their reasons. */
export function decisionsTable(log) {
  const verdictsByDecision = new Map();
  for (const verdict of log.verdicts) verdictsByDecision.set(verdict.decisionId, [...(verdictsByDecision.get(verdict.decisionId) ?? []), verdict]);
  const decisions = [...log.decisions].sort((left, right) => right.sequence - left.sequence);
  const rows = decisions.map((decision) => h('tr', null,
    h('td', { class: 'num' }, decision.sequence),
    h('td', null, time(decision.createdAt)),
    h('td', { class: 'thread' }, decision.threadId),
    h('td', null, decision.agent),
    h('td', null, decision.kind),
    h('td', { class: 'summary' }, decisionSummary(decision), decision.toolCalls.length ? h('div', { class: 'tools' }, decision.toolCalls.map((call) => call.tool).join(', ')) : null),
    h('td', null, (verdictsByDecision.get(decision.id) ?? []).map((verdict) => h('div', { class: `verdict ${verdict.verdict}`, title: verdict.checks.map((check) => `${check.passed ? '✓' : '✗'} ${check.name}: ${check.detail}`).join('\n') }, verdict.verdict, verdict.reasons.length ? `: ${verdict.reasons.join('; ')}` : '')))));
  return table(['#', 'Time (UTC)', 'Thread', 'Agent', 'Kind', 'Decision', 'Critic'], rows.length ? rows : empty(7, 'No decisions yet.'));
}
