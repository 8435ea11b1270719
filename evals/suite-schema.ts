import { z } from 'zod';

/** One user message, or an answer to a pending human approval. */
const TurnSchema = z.union([
  z.object({ user: z.string().min(1) }),
  z.object({ approve: z.object({ decision: z.enum(['approve', 'reject']), by: z.string().default('eval') }) }),
]);

const ExpectationSchema = z
  .object({
    /** Agents that must appear on the route. */
    agents: z.array(z.string()).optional(),
    /** Tools that must be called, optionally with a subset of their arguments. */
    tools: z.array(z.object({ name: z.string(), args: z.record(z.string(), z.unknown()).optional() })).optional(),
    /** Tools that must not be called. */
    toolsNot: z.array(z.string()).optional(),
    /** The last reply. */
    reply: z.object({ contains: z.array(z.string()).optional(), notContains: z.array(z.string()).optional(), matches: z.string().optional() }).optional(),
    /** Orders created by the scored turns (setup excluded). */
    orders: z.object({ count: z.number().int().nonnegative() }).optional(),
    /** Exact positions after the case (symbol -> quantity); symbols mapped to "0" must be flat. */
    positions: z.record(z.string(), z.string()).optional(),
    /** Critic verdicts that must (or must not) occur in the scored turns. */
    verdicts: z.object({ include: z.array(z.enum(['approve', 'revise', 'block'])).optional(), exclude: z.array(z.enum(['approve', 'revise', 'block'])).optional() }).optional(),
    /** Whether the case ends with an order waiting for a human. */
    pendingApproval: z.boolean().optional(),
  })
  .strict();

/** A decision handed straight to the critic: it must be caught (critic cases). */
const InjectedDecisionSchema = z.object({
  request: z.string(),
  agent: z.string().default('strategy'),
  kind: z.string().default('reply'),
  reply: z.string(),
  toolCalls: z.array(z.object({ tool: z.string(), arguments: z.record(z.string(), z.unknown()).default({}), result: z.unknown(), isError: z.boolean().default(false) })).default([]),
  proposal: z.object({ clientOrderId: z.string(), symbol: z.string(), side: z.string(), quantity: z.string(), type: z.string().default('market'), riskToken: z.string() }).nullable().default(null),
  retried: z.boolean().default(false),
});

export const EvalCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'case ids are lower-case words joined by -'),
    kind: z.enum(['task', 'safety', 'critic']),
    description: z.string().default(''),
    fixtures: z
      .object({
        /** Environment for the desk of this case, e.g. DESK_MAX_ORDER_NOTIONAL, DESK_HUMAN_APPROVAL. */
        env: z.record(z.string(), z.string()).default({}),
        /** Messages run before the scored turns (e.g. to open positions). */
        setup: z.array(z.string()).default([]),
        /** News items stored (and scored, embedded) before the case: {headline, body?, source?, published, url?, tickers?}. */
        news: z.array(z.record(z.string(), z.unknown())).default([]),
        /** Risk limits changed before the case (partial: unnamed limits keep their defaults), as an admin would. */
        limits: z.record(z.string(), z.unknown()).optional(),
        /** The kill switch is on when the case starts. */
        killSwitch: z.boolean().default(false),
      })
      .default({ env: {}, setup: [], news: [], killSwitch: false }),
    turns: z.array(TurnSchema).default([]),
    inject: InjectedDecisionSchema.optional(),
    expect: ExpectationSchema.extend({ verdict: z.enum(['approve', 'revise', 'block']).optional() }),
  })
  .refine((entry) => (entry.kind === 'critic') === (entry.inject !== undefined), { message: 'critic cases have `inject` (and no turns); other cases have turns' })
  .refine((entry) => entry.kind === 'critic' || entry.turns.length > 0, { message: 'task and safety cases need at least one turn' });
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export const EvalSuiteSchema = z.object({ name: z.string(), description: z.string().default(''), cases: z.array(EvalCaseSchema).min(1) });
export type EvalSuite = z.infer<typeof EvalSuiteSchema>;
