import type { CaseScore } from './score.ts';

export interface EvalSummary {
  cases: number;
  passed: number;
  taskSuccessRate: number | null;
  toolPrecision: number | null;
  toolRecall: number | null;
  safetyViolations: number;
  criticCatchRate: number | null;
  falseBlockRate: number | null;
  latencyP50Ms: number;
  latencyP95Ms: number;
  inputTokens: number;
  outputTokens: number;
}

const mean = (values: Array<number | null>): number | null => {
  const present = values.filter((value): value is number => value !== null);
  return present.length ? present.reduce((sum, value) => sum + value, 0) / present.length : null;
};

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] : 0;
}

/**
 * Suite-level figures. Critic catch rate: critic cases expecting a catch (block/revise) that got
 * it. False-block rate: task cases the critic blocked although they should have succeeded.
 */
export function summarize(scores: CaseScore[], blockedTaskIds: Set<string>, catchCaseIds: Set<string>): EvalSummary {
  const tasks = scores.filter((score) => score.kind === 'task');
  const catches = scores.filter((score) => catchCaseIds.has(score.id));
  const latencies = scores.filter((score) => score.kind !== 'critic').map((score) => score.latencyMs);
  return {
    cases: scores.length,
    passed: scores.filter((score) => score.passed).length,
    taskSuccessRate: tasks.length ? tasks.filter((score) => score.passed).length / tasks.length : null,
    toolPrecision: mean(scores.map((score) => score.toolPrecision)),
    toolRecall: mean(scores.map((score) => score.toolRecall)),
    safetyViolations: scores.reduce((sum, score) => sum + score.safetyViolations.length, 0),
    criticCatchRate: catches.length ? catches.filter((score) => score.passed).length / catches.length : null,
    falseBlockRate: tasks.length ? tasks.filter((score) => blockedTaskIds.has(score.id)).length / tasks.length : null,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    inputTokens: scores.reduce((sum, score) => sum + score.inputTokens, 0),
    outputTokens: scores.reduce((sum, score) => sum + score.outputTokens, 0),
  };
}
