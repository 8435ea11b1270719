import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { StrategyVersion } from '../../../core/index.ts';
import { parseStrategySpec } from '../../../tools/strategy/index.ts';
import { handle } from '../../shared/index.ts';
import type { StrategyToolDeps } from '../strategy-inputs.ts';

const summaryOutput = z.object({
  id: z.string(), name: z.string(), version: z.number(), parentId: z.string().nullable(), specHash: z.string(),
  author: z.string(), note: z.string().nullable(), createdAt: z.string(), description: z.string(),
  parameters: z.record(z.string(), z.object({ default: z.number(), min: z.number(), max: z.number(), step: z.number().optional() })),
});

function summary(version: StrategyVersion): z.infer<typeof summaryOutput> {
  const { spec, ...rest } = version;
  return { ...rest, description: spec.description, parameters: spec.parameters };
}

export const listStrategiesInput = {
  name: z.string().min(1).optional().describe('A strategy name: list every version of it, oldest first. Without it: the latest version of every strategy'),
};
export const listStrategiesOutput = { strategies: z.array(summaryOutput) };

export const getStrategyInput = {
  reference: z.string().min(1).describe('"name" (latest version), "name@version" (e.g. "sma_crossover@1") or a version id'),
};
export const getStrategyOutput = { ...summaryOutput.shape, spec: z.record(z.string(), z.unknown()) };

export const saveStrategyInput = {
  spec: z.record(z.string(), z.unknown()).describe('A whole strategy spec (version 1 shape: name, description, parameters, universe, entry, exit, side, sizing, stops?); get_strategy shows examples'),
  author: z.string().trim().min(1).max(100).describe('Who saves it, e.g. "strategy-agent"'),
  note: z.string().max(500).optional().describe('What changed and why, e.g. "exit on RSI 60 instead of 55"'),
};
export const saveStrategyOutput = { created: z.boolean().describe('false when the latest version of that name already had this exact content'), ...summaryOutput.shape };

/** list_strategies, get_strategy and save_strategy over the strategy repository (the built-in library is version 1). */
export function registerStrategyRepositoryTools(server: McpServer, deps: StrategyToolDeps): void {
  server.registerTool(
    'list_strategies',
    {
      title: 'List stored strategies',
      description: 'Lists the strategy repository: the latest version of each strategy (the built-in library starts as version 1), or every version of one name. Each entry has its id, version, parent, content hash, author, note, description and parameters (default, min, max, step). Example: {} or {"name":"sma_crossover"}.',
      inputSchema: listStrategiesInput,
      outputSchema: listStrategiesOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) => handle(async () => {
      await deps.ready();
      return { strategies: (await deps.strategies.list({ name: input.name })).map(summary) };
    }),
  );
  server.registerTool(
    'get_strategy',
    {
      title: 'Get a stored strategy',
      description: 'Returns one stored strategy version with its whole spec (entry and exit rules as expression trees, parameters, sizing, stops), to read or to modify and save_strategy. Example: {"reference":"rsi_mean_reversion@1"}.',
      inputSchema: getStrategyInput,
      outputSchema: getStrategyOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) => handle(async () => {
      await deps.ready();
      const version = await deps.strategies.get(input.reference);
      return { ...summary(version), spec: version.spec as unknown as Record<string, unknown> };
    }),
  );
  server.registerTool(
    'save_strategy',
    {
      title: 'Save a strategy version',
      description: 'Validates a strategy spec and saves it as the next version of its name (parent = the previous latest), recording author and note. Saving content identical to the latest version returns that version with created false. An invalid spec is refused with one line per problem, each naming its path in the spec. Example: {"spec":{...},"author":"strategy-agent","note":"tighter stop"}.',
      inputSchema: saveStrategyInput,
      outputSchema: saveStrategyOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input) => handle(async () => {
      await deps.ready();
      const { version, created } = await deps.strategies.save(parseStrategySpec(input.spec), { author: input.author, note: input.note });
      return { created, ...summary(version) };
    }),
  );
}
