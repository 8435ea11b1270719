import { describe, expect, it } from 'vitest';
import { baselineSentiment, scoreSentiment } from './sentiment.ts';

const contributionOf = (text: string, driver: string) =>
  scoreSentiment(text).drivers.find((entry) => entry.text === driver)?.contribution;

describe('scoreSentiment', () => {
  it.each([
    ['Apple beat estimates and raised guidance', 'positive'],
    ['The retailer missed expectations and cut guidance', 'negative'],
    ['Record revenue for the fourth quarter', 'positive'],
    ['The group issued a profit warning', 'negative'],
    ['Analysts downgrade the stock', 'negative'],
    ['Analysts upgrade the stock', 'positive'],
    ['The company reported a net loss of EUR 5 mn', 'negative'],
    ['Quarterly operating profit rose to USD 42 million', 'positive'],
    ['Net sales fell by 5 %', 'negative'],
    ['The annual general meeting will be held in Helsinki on 20 March', 'neutral'],
  ])('labels "%s" as %s', (text, label) => {
    expect(scoreSentiment(text).label).toBe(label);
  });

  it('signs a direction verb by the metric it moves', () => {
    expect(scoreSentiment('Net loss narrowed').label).toBe('positive');
    expect(scoreSentiment('Costs decreased').label).toBe('positive');
    expect(scoreSentiment('Sales decreased').label).toBe('negative');
    expect(scoreSentiment('The loss widened').label).toBe('negative');
    expect(scoreSentiment('an increase in operating expenses').label).toBe('negative');
  });

  it('lets a specific phrase win over the direction rule', () => {
    expect(scoreSentiment('The insurer slipped to a net loss in the quarter').label).toBe('negative');
    expect(scoreSentiment('The plant will cut staff').label).toBe('negative');
    expect(scoreSentiment('Shipments of up to 40 units').label).toBe('neutral');
  });

  it('reads an earlier-period figure as a comparison', () => {
    expect(scoreSentiment('The unit posted an operating loss , down from a profit a year earlier').label).toBe('negative');
    expect(scoreSentiment('Operating income was USD 3 million , up from a loss of USD 2 million a year ago').label).toBe('positive');
  });

  it('flips polarity within the negation scope and not beyond the clause', () => {
    expect(scoreSentiment('Results were not strong').score).toBeLessThan(0);
    expect(scoreSentiment('There was no downgrade').score).toBeGreaterThan(0);
    expect(scoreSentiment('No surprise , results were strong').score).toBeGreaterThan(0);
  });

  it('scales an item up after an intensifier and down after a diminisher', () => {
    const plain = contributionOf('Sales rose', 'sales rose') ?? 0;
    expect(contributionOf('Sales rose sharply', 'sales rose')).toBeGreaterThan(plain);
    expect(contributionOf('Sales rose slightly', 'sales rose')).toBeLessThan(plain);
    expect(plain).toBeGreaterThan(0);
  });

  it('keeps the score within [-1, 1] and lists its drivers', () => {
    const result = scoreSentiment('Record revenue , strong growth , beat estimates , raised guidance , excellent results');
    expect(result.score).toBeGreaterThan(0.8);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.drivers.map((driver) => driver.text)).toContain('beat estimates');
  });

  it('is deterministic and neutral for empty text', () => {
    expect(scoreSentiment('Sales rose')).toEqual(scoreSentiment('Sales rose'));
    expect(scoreSentiment('')).toEqual({ score: 0, label: 'neutral', drivers: [] });
  });

  it.each([[-0.1], [1], [Number.NaN]])('refuses threshold %s with a named field', (threshold) => {
    expect(() => scoreSentiment('Sales rose', { threshold })).toThrow(expect.objectContaining({ code: 'invalid_input', details: { field: 'threshold' } }));
  });

  it('refuses a text that is not a string', () => {
    expect(() => scoreSentiment(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('baselineSentiment', () => {
  it('sums the word list without finance rules, so it misreads falling costs and negation', () => {
    expect(baselineSentiment('Costs decreased').label).toBe('negative');
    expect(baselineSentiment('Results were not strong').label).toBe('positive');
    expect(baselineSentiment('Results were strong').drivers).toEqual([{ text: 'strong', contribution: 1.2 }]);
  });
});
