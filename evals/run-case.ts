import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { counterIds, DeskError, fixedClock, parseWith, RiskLimitsSchema, type Order, type Position } from '../core/index.ts';
import { reviewDecision, type ModelProvider } from '../agents/index.ts';
import type { TurnResult } from '../graphs/index.ts';
import { loadConfig } from '../apps/runtime/config.ts';
import { openDesk, type Desk } from '../apps/runtime/desk.ts';
import { createServer } from '../apps/runtime/servers.ts';
import { connectInProcess } from '../mcp-servers/index.ts';
import { openDatabase } from '../db/index.ts';
import type { EvalCase } from './suite-schema.ts';

/** Everything a case did, for the scorers. */
export interface CaseOutcome {
  turns: TurnResult[];
  lastReply: string;
  newOrders: Order[];
  positions: Position[];
  verdict: string | null;
  error: string | null;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
}

const EVAL_ENV = { DESK_RISK_SECRET: 'eval-risk', DESK_CRITIC_SECRET: 'eval-critic' };

/**
 * Run one case on a fresh copy of the prepared database (migrated, demo market loaded), with a
 * fixed clock and counter ids so offline runs are reproducible.
 */
export async function runCase(entry: EvalCase, template: Blob, provider?: ModelProvider): Promise<CaseOutcome> {
  const started = performance.now();
  if (entry.kind === 'critic') return runCriticCase(entry, started);
  const home = mkdtempSync(join(tmpdir(), 'desk-eval-'));
  const database = await openDatabase({ snapshot: template });
  const config = loadConfig({ DESK_HOME: home, ...EVAL_ENV, ...entry.fixtures.env });
  const desk = await openDesk(config, { role: 'eval', database, clock: fixedClock('2026-01-05T14:30:00Z', 1000), ids: counterIds(), provider });
  const threadId = `eval-${entry.id}`;
  const turns: TurnResult[] = [];
  let error: string | null = null;
  try {
    await applyFixtures(desk, entry);
    for (const message of entry.fixtures.setup) await desk.chat(message, { threadId: `${threadId}-setup` });
    const before = new Set((await desk.serverDeps.execution.listOrders({ limit: 500 })).map((order) => order.id));
    const scoredStart = performance.now();
    try {
      for (const turn of entry.turns) turns.push('user' in turn ? await desk.chat(turn.user, { threadId }) : await desk.approve(threadId, turn.approve));
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const latencyMs = performance.now() - scoredStart;
    const newOrders = (await desk.serverDeps.execution.listOrders({ limit: 500 })).filter((order) => !before.has(order.id));
    return {
      turns, lastReply: turns.at(-1)?.reply ?? '', newOrders, positions: await desk.serverDeps.execution.getPositions(), verdict: null, error, latencyMs,
      inputTokens: turns.reduce((sum, turn) => sum + turn.inputTokens, 0), outputTokens: turns.reduce((sum, turn) => sum + turn.outputTokens, 0),
    };
  } finally {
    await desk.close();
    await database.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** Store the case's news, change its limits and set its kill switch, through the same tools and stores the desk uses. */
async function applyFixtures(desk: Desk, entry: EvalCase): Promise<void> {
  const { news, limits, killSwitch } = entry.fixtures;
  if (news.length > 0) {
    const client = await connectInProcess(createServer('signals', desk.serverDeps), 'eval-fixtures');
    try {
      const result = await client.callTool({ name: 'ingest_news', arguments: { items: news } });
      if (result.isError) throw new DeskError('invalid_input', `case ${entry.id}: news fixture refused: ${JSON.stringify(result.content)}`);
    } finally {
      await client.close();
    }
  }
  if (limits) {
    const current = await desk.serverDeps.limits.getLimits();
    await desk.serverDeps.limits.setLimits(parseWith(RiskLimitsSchema, { ...current, ...limits }, `case ${entry.id} limits fixture`), 'eval', 'case fixture');
  }
  if (killSwitch) await desk.serverDeps.limits.setKillSwitch({ active: true, reason: 'case fixture', changedBy: 'eval', at: new Date('2026-01-05T14:00:00Z') });
}

function runCriticCase(entry: EvalCase, started: number): CaseOutcome {
  const inject = entry.inject!;
  const toolCalls = inject.toolCalls.map((call, index) => ({ id: `inj_${index}`, server: 'eval', tool: call.tool, arguments: call.arguments, result: call.result, isError: call.isError, latencyMs: 0 }));
  const review = reviewDecision({ agent: inject.agent, kind: inject.kind, reply: inject.reply, toolCalls, proposal: inject.proposal, request: inject.request, threadEvidence: [], retried: inject.retried });
  return { turns: [], lastReply: review.reasons.join('; '), newOrders: [], positions: [], verdict: review.verdict, error: null, latencyMs: performance.now() - started, inputTokens: 0, outputTokens: 0 };
}

/** A migrated database with the demo market loaded, dumped once per run and copied per case. */
export async function prepareTemplate(): Promise<Blob> {
  const { dumpEmbeddedDatabase } = await import('../db/index.ts');
  const home = mkdtempSync(join(tmpdir(), 'desk-eval-template-'));
  const database = await openDatabase({ memory: true });
  try {
    const desk = await openDesk(loadConfig({ DESK_HOME: home, ...EVAL_ENV }), { role: 'eval', database });
    await desk.close();
    return await dumpEmbeddedDatabase(database);
  } finally {
    await database.close();
    rmSync(home, { recursive: true, force: true });
  }
}
