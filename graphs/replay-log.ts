import type { ChainVerification, CriticVerdict, CriticVerdictInput, Decision, DecisionInput, DecisionLog } from '../core/index.ts';

/** A DecisionLog kept in memory: a replay must not append to the real, append-only log. */
export function createMemoryDecisionLog(): DecisionLog & { all(): { decisions: Decision[]; verdicts: CriticVerdict[] } } {
  const decisions: Decision[] = [];
  const verdicts: CriticVerdict[] = [];
  const stamp = { createdAt: '1970-01-01T00:00:00.000Z', previousHash: '', hash: '' };
  return {
    append: async (input: DecisionInput) => {
      const decision = { ...input, ...stamp, id: `replay_dec_${decisions.length + 1}`, sequence: decisions.length + 1 };
      decisions.push(decision);
      return decision;
    },
    appendVerdict: async (input: CriticVerdictInput) => {
      const verdict = { ...input, ...stamp, id: `replay_verdict_${verdicts.length + 1}`, sequence: verdicts.length + 1 };
      verdicts.push(verdict);
      return verdict;
    },
    listByThread: async (threadId) => ({ decisions: decisions.filter((entry) => entry.threadId === threadId), verdicts: verdicts.filter((entry) => entry.threadId === threadId) }),
    listRecent: async (limit) => ({ decisions: decisions.slice(-limit), verdicts: verdicts.slice(-limit) }),
    getDecision: async (id) => {
      const decision = decisions.find((entry) => entry.id === id);
      return decision ? { decision, verdicts: verdicts.filter((entry) => entry.decisionId === id) } : null;
    },
    verify: async (): Promise<ChainVerification> => ({ ok: true, decisions: decisions.length, verdicts: verdicts.length, firstBrokenSequence: null, problem: null }),
    all: () => ({ decisions, verdicts }),
  };
}
