import type { NewsItem, NewsScorer, TextScore } from '../../core/index.ts';
import { classifyEvent } from './events.ts';
import { scoreSentiment } from './sentiment.ts';

/** Name stored with the offline scorer's scores; bump it when the lexicon or rules change. */
export const LEXICON_SCORER_NAME = 'lexicon-v1';

/**
 * Score one text offline: finance-lexicon sentiment (score, label, drivers) and the event type.
 * @example scoreText('Apple beat estimates').event.type // 'earnings_beat'
 */
export function scoreText(text: string): TextScore {
  const sentiment = scoreSentiment(text);
  const event = classifyEvent(text);
  return {
    sentiment: { score: sentiment.score, label: sentiment.label, drivers: sentiment.drivers.map((driver) => ({ text: driver.text, contribution: driver.contribution })) },
    event: { type: event.event, confidence: event.confidence },
  };
}

/**
 * The offline scorer as a NewsScorer port. A model-backed scorer (e.g. Claude) implements the same
 * interface under another name; the desk stores both scores side by side.
 *
 * @example const [score] = await createLexiconScorer().score(['Microsoft cut guidance']);
 */
export function createLexiconScorer(): NewsScorer {
  return { name: LEXICON_SCORER_NAME, score: async (texts) => texts.map(scoreText) };
}

/**
 * The text a scorer sees for a news item: headline, then body.
 * @example newsScoringText({ headline: 'Apple beats', body: 'Sales rose.' } as NewsItem) // 'Apple beats. Sales rose.'
 */
export function newsScoringText(item: Pick<NewsItem, 'headline' | 'body'>): string {
  if (item.body === '') return item.headline;
  return /[.!?]$/.test(item.headline) ? `${item.headline} ${item.body}` : `${item.headline}. ${item.body}`;
}
