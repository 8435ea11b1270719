import { describe, expect, it } from 'vitest';
import type { CriticVerdict, Decision } from '../../../core/index.ts';
import { decisionsTable, equityChart, h, money, ordersTable, positionsTable, quantity, toDom } from './render.js';
import { stringDocument } from './string-dom.ts';

const XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const html = (view: Parameters<typeof toDom>[0]) => toDom(view, stringDocument).outerHTML;

const decision = (overrides: Partial<Decision>): Decision => ({
  id: 'dec_1', sequence: 1, createdAt: '2026-01-05T14:30:00.000Z', previousHash: 'a', hash: 'b', threadId: 't1', parentId: null, agent: 'research', kind: 'reply',
  input: {}, toolCalls: [], output: { reply: 'ok' }, model: 'none', inputTokens: 0, outputTokens: 0, latencyMs: 0, ...overrides,
});
const verdict = (overrides: Partial<CriticVerdict>): CriticVerdict => ({
  id: 'ver_1', sequence: 1, createdAt: '2026-01-05T14:30:00.000Z', previousHash: 'a', hash: 'b', decisionId: 'dec_1', threadId: 't1', verdict: 'approve', reasons: [], checks: [], ...overrides,
});

describe('dashboard rendering', () => {
  it('renders an XSS string in a decision, its verdict and its thread as escaped text', () => {
    const log = {
      decisions: [decision({ output: { reply: XSS }, threadId: XSS })],
      verdicts: [verdict({ verdict: 'block', reasons: [XSS], checks: [{ name: 'quoted-order', passed: false, detail: XSS }] })],
    };
    const out = html(decisionsTable(log));
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;img src=x onerror="alert(1)"&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(out).toContain('title="✗ quoted-order: &lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(out).toContain('<div class="verdict block"');
  });

  it('sets only allowlisted attributes', () => {
    expect(() => html(h('a', { href: 'javascript:alert(1)' }, 'x'))).toThrow(/attribute href is not allowed/);
    expect(() => html(h('div', { onclick: 'alert(1)' }))).toThrow(/attribute onclick is not allowed/);
  });

  it('summarises decisions newest first, with the critic verdicts beside them', () => {
    const log = {
      decisions: [
        decision({ id: 'd1', sequence: 1, agent: 'supervisor', kind: 'route', output: { action: 'route', agent: 'execution', task: 'buy 10 AAPL' } }),
        decision({ id: 'd2', sequence: 2, agent: 'human', kind: 'human-approval', output: { decision: 'reject', by: 'slack:U1', note: 'too big' } }),
      ],
      verdicts: [verdict({ decisionId: 'd1', verdict: 'revise', reasons: ['figure 12.5 not grounded'] })],
    };
    const rows = html(decisionsTable(log)).split('<tr>').slice(2);
    expect(rows[0]).toContain('<td class="summary">reject by slack:U1: too big</td><td></td>');
    expect(rows[1]).toContain('<td class="summary">route to execution: buy 10 AAPL</td><td><div class="verdict revise" title="">revise: figure 12.5 not grounded</div></td>');
  });

  it('formats money and quantities, and computes unrealized P&L from the last close', () => {
    expect([money('1234567.5'), money(null), quantity('1500'), quantity('-2500.125')]).toEqual(['1,234,567.50', '—', '1,500', '-2,500.125']);
    const positions = [{ symbol: 'AAPL', quantity: '10', averagePrice: '180.5', realizedPnl: '0', updatedAt: '2026-01-05T14:30:00.000Z' }];
    // (190.25 - 180.5) x 10 = 97.50; value 1,902.50
    const out = html(positionsTable(positions, { AAPL: { date: '2026-01-02', close: '190.25' } }));
    expect(out).toContain('<td class="num">1,902.50</td><td class="num up">97.50</td>');
    expect(html(positionsTable([], {}))).toContain('No open positions.');
    expect(html(ordersTable([]))).toContain('No orders yet.');
  });

  it('draws the equity curve across its range', () => {
    const points = [{ date: '2026-01-02', cash: '0', holdings: '0', equity: '100' }, { date: '2026-01-05', cash: '0', holdings: '0', equity: '200' }];
    const out = html(equityChart(points));
    // lowest value at the bottom margin (y 150), highest at the top margin (y 10)
    expect(out).toContain('<polyline points="0.0,150.0 600.0,10.0" class="curve">');
    expect(out).toContain('2026-01-02 → 2026-01-05 · low 100.00 · high 200.00 · last 200.00');
    expect(html(equityChart([]))).toContain('No fills yet');
  });
});
