import { describe, expect, it } from 'vitest';
import { classifyEvent, EVENT_TYPES } from './events.ts';

describe('classifyEvent', () => {
  it.each([
    ['Apple beat Wall Street earnings estimates for the quarter', 'earnings_beat'],
    ['Tesla missed revenue expectations as deliveries slowed', 'earnings_miss'],
    ['Nvidia raised its full-year revenue guidance', 'guidance_raise'],
    ['The retailer cut its annual outlook on weak demand', 'guidance_cut'],
    ['Microsoft agreed to acquire the game maker in an all-cash deal', 'merger_acquisition'],
    ['Morgan Stanley upgrades Amazon to overweight', 'analyst_upgrade'],
    ['Analyst downgraded Meta to underperform', 'analyst_downgrade'],
    ['Regulators opened an antitrust investigation into Google', 'lawsuit_regulatory'],
    ['Apple unveiled a new iPhone at its September event', 'product_launch'],
    ['JPMorgan named a new chief executive as the CEO steps down', 'management_change'],
    ['The board approved a $10 billion share repurchase program and raised the dividend', 'dividend_buyback'],
    ['The Federal Reserve held interest rates steady as inflation cooled', 'macro'],
    ['The annual meeting will take place in Helsinki', 'none'],
  ])('classifies "%s" as %s', (text, event) => {
    expect(classifyEvent(text).event).toBe(event);
  });

  it('returns only taxonomy types and confidence within [0, 1]', () => {
    const result = classifyEvent('Apple beat estimates and raised guidance; shares rose');
    expect(EVENT_TYPES).toContain(result.event);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.cues.length).toBeGreaterThan(1);
  });

  it('is more confident with one clear event than with two competing ones', () => {
    const clear = classifyEvent('The company beat earnings estimates');
    const mixed = classifyEvent('The company beat earnings estimates and announced a merger');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
  });

  it('refuses a text that is not a string', () => {
    expect(() => classifyEvent(undefined as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
