import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { NewsEventTypeSchema } from '../../../core/index.ts';
import { classifyEvent } from '../../../tools/signals/index.ts';
import { handle } from '../../shared/index.ts';

export const classifyEventInput = {
  text: z.string().min(1).max(10_000).describe('A headline or short article, e.g. "Nvidia to acquire a networking startup"'),
};

export const classifyEventOutput = {
  event: NewsEventTypeSchema,
  confidence: z.number(),
  scores: z.record(z.string(), z.number()),
  cues: z.array(z.string()),
};

export function registerClassifyEventTool(server: McpServer): void {
  server.registerTool(
    'classify_event',
    {
      title: 'Classify a news event',
      description:
        'Event type of a text in a fixed taxonomy: earnings_beat, earnings_miss, guidance_raise, guidance_cut, merger_acquisition, analyst_upgrade, ' +
        'analyst_downgrade, lawsuit_regulatory, product_launch, management_change, dividend_buyback, macro, or none; with confidence in [0, 1], ' +
        'the score of every candidate and the cue phrases matched. Example: {"text":"Apple raised its dividend and announced a buyback"}.',
      inputSchema: classifyEventInput,
      outputSchema: classifyEventOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ text }) => handle(async () => ({ ...classifyEvent(text) })),
  );
}
