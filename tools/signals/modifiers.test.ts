import { describe, expect, it } from 'vitest';
import { comparisonFactor, modifierFactor, negationFactor } from './modifiers.ts';
import { tokenize } from './tokens.ts';

const span = (start: number, end = start, comparable = true) => ({ start, end, base: 1, comparable });

describe('sentiment modifiers', () => {
  it('negates within three tokens of the same clause only', () => {
    expect(negationFactor(tokenize('not very strong'), 2)).toBe(-0.8);
    expect(negationFactor(tokenize('not at all a very strong'), 5)).toBe(1);
    expect(negationFactor(tokenize('no , strong'), 2)).toBe(1);
  });

  it('multiplies intensifiers and diminishers around a span', () => {
    expect(modifierFactor(tokenize('sales rose sharply'), span(0, 1))).toBe(1.5);
    expect(modifierFactor(tokenize('slightly lower'), span(1))).toBe(0.5);
    expect(modifierFactor(tokenize('sales rose'), span(0, 1))).toBe(1);
  });

  it('flips comparable items that follow a comparison word, and only those', () => {
    expect(comparisonFactor(tokenize('compared to a loss'), span(3))).toBe(-0.8);
    expect(comparisonFactor(tokenize('compared to a loss'), span(3, 3, false))).toBe(1);
    expect(comparisonFactor(tokenize('a loss'), span(1))).toBe(1);
  });
});

describe('tokenize', () => {
  it('keeps decimals and contractions whole and clause punctuation as tokens', () => {
    expect(tokenize("Profit didn't reach EUR 9.0 mn, sadly.")).toEqual(['profit', "didn't", 'reach', 'eur', '9.0', 'mn', ',', 'sadly', '.']);
    expect(tokenize('did n’t')).toEqual(['did', 'n’t']);
  });
});
