import { DeskError } from '../../core/index.ts';
import type { ModelProvider, ModelRequest, ModelResponse } from './types.ts';

/** One model call as recorded: which agent asked, and what the model answered. */
export interface RecordedExchange {
  agent: string;
  response: ModelResponse;
}

/**
 * Wrap a provider and keep every response, so a Claude run can be replayed later without a key.
 * @example const recorder = createRecordingProvider(claude); ...; writeFileSync(file, JSON.stringify(recorder.recording()));
 */
export function createRecordingProvider(inner: ModelProvider): ModelProvider & { recording(): RecordedExchange[] } {
  const exchanges: RecordedExchange[] = [];
  return {
    mode: inner.mode,
    model: inner.model,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const response = await inner.complete(request);
      exchanges.push({ agent: request.agent, response });
      return response;
    },
    recording: () => structuredClone(exchanges),
  };
}

/**
 * Answer with recorded responses, in order. A request from another agent than the one recorded
 * at that point means the run diverged: that is an error, not a silent mismatch.
 */
export function createReplayProvider(exchanges: RecordedExchange[]): ModelProvider {
  let next = 0;
  return {
    mode: 'replay',
    model: exchanges[0]?.response.model ?? 'replay',
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const exchange = exchanges[next];
      if (!exchange) throw new DeskError('model_error', `replay ran out of recorded responses at call ${next + 1} (agent ${request.agent})`);
      if (exchange.agent !== request.agent) {
        throw new DeskError('model_error', `replay diverged at call ${next + 1}: recorded a ${exchange.agent} call, the run asked for ${request.agent}`);
      }
      next += 1;
      return structuredClone(exchange.response);
    },
  };
}
