import { describe, expect, it } from 'vitest';
import { createRng, createStandardNormal, deriveSeed } from './random.ts';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = createRng(42);
    const second = createRng(42);
    const draws = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => second())).toEqual(draws);
    expect(draws[0]).toBe(0.6011037519201636);
  });

  it('gives different sequences for different seeds', () => {
    expect(createRng(1)()).not.toBe(createRng(2)());
  });

  it('stays in [0, 1) with a mean near one half', () => {
    const random = createRng(7);
    let sum = 0;
    let outside = 0;
    for (let index = 0; index < 100_000; index++) {
      const value = random();
      if (value < 0 || value >= 1) outside++;
      sum += value;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => createRng(1.5)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('createStandardNormal', () => {
  it('draws with mean 0 and variance 1', () => {
    const normal = createStandardNormal(createRng(3));
    const count = 200_000;
    let sum = 0;
    let squares = 0;
    for (let index = 0; index < count; index++) {
      const value = normal();
      sum += value;
      squares += value * value;
    }
    const mean = sum / count;
    expect(mean).toBeCloseTo(0, 2);
    expect(squares / count - mean * mean).toBeCloseTo(1, 1);
  });
});

describe('deriveSeed', () => {
  it('gives each label its own stable seed', () => {
    expect(deriveSeed(42, 'AAPL')).toBe(deriveSeed(42, 'AAPL'));
    expect(deriveSeed(42, 'AAPL')).not.toBe(deriveSeed(42, 'MSFT'));
    expect(deriveSeed(42, 'AAPL')).not.toBe(deriveSeed(43, 'AAPL'));
    expect(Number.isInteger(deriveSeed(42, 'AAPL'))).toBe(true);
  });
});
