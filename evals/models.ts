import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '../core/index.ts';
import { createRecordingProvider, createReplayProvider, type ModelProvider, type RecordedExchange } from '../agents/index.ts';
import { createAnthropicProvider } from '../agents/providers/anthropic.ts';

/** How the harness gets its model: plain data, so worker threads receive it as it is. */
export interface ModelOptions {
  mode: 'offline' | 'claude' | 'replay';
  /** claude: the Anthropic connection. */
  claude?: { apiKey: string; baseURL?: string; model?: string };
  /** claude: where to write each case's recorded responses; replay: where to read them. */
  recordings?: string;
}

/**
 * The model for one case: the offline planner (undefined), Claude with its responses recorded to
 * `recordings/<case>.json`, or those recordings replayed — so a Claude run can be re-scored
 * offline and in CI.
 */
export function modelFor(caseId: string, options: ModelOptions): { provider: ModelProvider | undefined; finish(): void } {
  if (options.mode === 'offline') return { provider: undefined, finish: () => {} };
  if (!options.recordings) throw new DeskError('invalid_input', `--mode ${options.mode} needs --recordings DIR (where Claude's responses are ${options.mode === 'claude' ? 'written' : 'read'})`);
  const file = join(options.recordings, `${caseId}.json`);
  if (options.mode === 'replay') {
    let exchanges: RecordedExchange[];
    try {
      exchanges = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new DeskError('not_found', `no recording for case ${caseId} at ${file} (${(error as Error).message}); record it with --mode claude`);
    }
    return { provider: createReplayProvider(exchanges), finish: () => {} };
  }
  if (!options.claude) throw new DeskError('config_error', '--mode claude needs ANTHROPIC_API_KEY');
  const recorder = createRecordingProvider(createAnthropicProvider(options.claude));
  return {
    provider: recorder,
    finish: () => {
      mkdirSync(options.recordings!, { recursive: true });
      writeFileSync(file, JSON.stringify(recorder.recording(), null, 1));
    },
  };
}
