import { runCase } from './run-case.ts';
import { scoreCase, type CaseScore } from './score.ts';
import { modelFor, type ModelOptions } from './models.ts';
import type { EvalCase } from './suite-schema.ts';

/** One case's score and whether the critic blocked anything in it (for the false-block rate). */
export interface ScoredCase {
  score: CaseScore;
  blocked: boolean;
}

/** Run one case on a fresh copy of `template` with the mode's model, and score it. */
export async function runScoredCase(entry: EvalCase, template: Blob, options: ModelOptions): Promise<ScoredCase> {
  const session = entry.kind === 'critic' ? null : modelFor(entry.id, options);
  const outcome = await runCase(entry, template, session?.provider);
  session?.finish();
  return {
    score: scoreCase(entry, outcome),
    blocked: outcome.turns.some((turn) => turn.verdicts.some((verdict) => verdict.verdict === 'block')),
  };
}
