import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, TextScoreSchema, type NewsScorer } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';

export const scoreTextInput = {
  texts: z.array(z.string().min(1).max(10_000)).min(1).max(200).describe('Sentences or short articles to score, e.g. ["Apple beat estimates","Microsoft cut guidance"]'),
  scorer: z.string().optional().describe('One scorer by name (e.g. "lexicon-v1"); default: every configured scorer'),
};

export const scoreTextOutput = {
  results: z.array(z.object({ index: z.number().int(), scorer: z.string(), ...TextScoreSchema.shape })),
};

export function registerScoreTextTool(server: McpServer, deps: { scorers: readonly NewsScorer[] }): void {
  server.registerTool(
    'score_text',
    {
      title: 'Score financial sentiment',
      description:
        'Financial sentiment of each text: score in [-1, 1], label positive/negative/neutral, and the words or phrases that drove it ' +
        '(finance lexicon with negation, intensifiers and phrases such as "beat estimates", "cut guidance"), plus the event type. ' +
        'One result per text and scorer. Stores nothing. Example: {"texts":["Net loss narrowed and the company raised guidance"]}.',
      inputSchema: scoreTextInput,
      outputSchema: scoreTextOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ texts, scorer }) =>
      handle(async () => {
        const chosen = scorer === undefined ? deps.scorers : deps.scorers.filter((entry) => entry.name === scorer);
        if (chosen.length === 0) throw new DeskError('invalid_input', `unknown scorer ${JSON.stringify(scorer)}; configured: ${deps.scorers.map((entry) => entry.name).join(', ')}`, { field: 'scorer' });
        const results = [];
        for (const entry of chosen) {
          const scores = await entry.score(texts);
          results.push(...scores.map((score, index) => ({ index, scorer: entry.name, ...score })));
        }
        return { results };
      }),
  );
}
