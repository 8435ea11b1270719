import { z } from 'zod';
import { IsoTimestampSchema } from './common.ts';

/** One tool call an agent made, with the exact arguments and result. */
export const ToolCallRecordSchema = z.object({
  id: z.string(),
  server: z.string(),
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
  result: z.unknown(),
  isError: z.boolean(),
  latencyMs: z.number().nonnegative(),
});
export type ToolCallRecord = z.infer<typeof ToolCallRecordSchema>;

/** 'human' is the trader answering an approval request. */
export const AgentNameSchema = z.enum(['supervisor', 'research', 'signals', 'strategy', 'risk', 'execution', 'critic', 'human']);
export type AgentName = z.infer<typeof AgentNameSchema>;

/** What an agent decided, as appended to the decision log. */
export const DecisionInputSchema = z.object({
  threadId: z.string(),
  parentId: z.string().nullable(),
  agent: AgentNameSchema,
  kind: z.enum(['route', 'reply', 'order-proposal', 'human-approval', 'order-placed', 'final']),
  input: z.unknown(),
  toolCalls: z.array(ToolCallRecordSchema),
  output: z.unknown(),
  model: z.string(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative(),
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const DecisionSchema = DecisionInputSchema.extend({
  id: z.string(),
  sequence: z.number().int().positive(),
  createdAt: IsoTimestampSchema,
  previousHash: z.string(),
  hash: z.string(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const VerdictSchema = z.enum(['approve', 'revise', 'block']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One deterministic check the critic ran. */
export const CriticCheckSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  detail: z.string(),
});
export type CriticCheck = z.infer<typeof CriticCheckSchema>;

export const CriticVerdictInputSchema = z.object({
  decisionId: z.string(),
  threadId: z.string(),
  verdict: VerdictSchema,
  reasons: z.array(z.string()),
  checks: z.array(CriticCheckSchema),
});
export type CriticVerdictInput = z.infer<typeof CriticVerdictInputSchema>;

export const CriticVerdictSchema = CriticVerdictInputSchema.extend({
  id: z.string(),
  sequence: z.number().int().positive(),
  createdAt: IsoTimestampSchema,
  previousHash: z.string(),
  hash: z.string(),
});
export type CriticVerdict = z.infer<typeof CriticVerdictSchema>;

/** Result of verifying the decision log's hash chains. */
export const ChainVerificationSchema = z.object({
  ok: z.boolean(),
  decisions: z.number().int().nonnegative(),
  verdicts: z.number().int().nonnegative(),
  firstBrokenSequence: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type ChainVerification = z.infer<typeof ChainVerificationSchema>;
