import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, normalPdf } from './normal.ts';

describe('inverseNormalCdf', () => {
  it('gives the textbook 95% and 99% quantiles to the last digit', () => {
    expect(inverseNormalCdf(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(inverseNormalCdf(0.99)).toBeCloseTo(2.3263478740408408, 14);
  });

  it('matches reference quantiles in the centre and both tails', () => {
    // Values from scipy.stats.norm.ppf.
    const reference: Array<[number, number]> = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.999, 3.090232306167813],
      [0.6, 0.2533471031357997],
      [1e-10, -6.361340902404056],
      [1e-300, -37.0470962993612],
    ];
    for (const [probability, quantile] of reference) {
      expect(inverseNormalCdf(probability)).toBeCloseTo(quantile, 12);
    }
  });

  it('is antisymmetric around one half', () => {
    for (const probability of [0.001, 0.05, 0.3, 0.45]) {
      expect(inverseNormalCdf(probability)).toBeCloseTo(-inverseNormalCdf(1 - probability), 12);
    }
  });

  it('refuses probabilities outside (0, 1) naming the field', () => {
    expect(() => inverseNormalCdf(1)).toThrow(/probability must be in \(0, 1\)/);
    expect(() => inverseNormalCdf(0)).toThrow(/probability/);
    expect(() => inverseNormalCdf(Number.NaN)).toThrow(/probability/);
  });
});

describe('normalPdf', () => {
  it('peaks at 1/√(2π) and is symmetric', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
    expect(normalPdf(1.6448536269514722)).toBeCloseTo(0.10313564037537139, 14);
    expect(normalPdf(-2)).toBe(normalPdf(2));
  });
});
