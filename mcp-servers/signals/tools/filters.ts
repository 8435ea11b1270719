import { z } from 'zod';
import { SymbolSchema } from '../../../core/index.ts';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Symbol and time filters shared by the search tools. */
export const searchFilterInput = {
  symbol: SymbolSchema.optional().describe('Only items about this ticker, e.g. NVDA'),
  from: z.string().regex(DATE_OR_INSTANT, 'must be YYYY-MM-DD or an ISO instant').optional().describe('From this UTC day (YYYY-MM-DD) or instant, inclusive'),
  to: z.string().regex(DATE_OR_INSTANT, 'must be YYYY-MM-DD or an ISO instant').optional().describe('Up to this UTC day (YYYY-MM-DD, whole day) or instant, inclusive'),
  limit: z.number().int().min(1).max(50).default(10).describe('Most similar N (1-50, default 10)'),
};
