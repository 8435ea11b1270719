import { describe, expect, it } from 'vitest';
import { classificationFigures } from './classification-metrics.ts';

describe('classificationFigures', () => {
  it('computes accuracy, per-label precision/recall/F1 and their macro average', () => {
    const gold = ['positive', 'positive', 'negative', 'neutral'];
    const predicted = ['positive', 'neutral', 'negative', 'neutral'];
    const figures = classificationFigures(gold, predicted, ['positive', 'negative', 'neutral']);
    expect(figures.accuracy).toBe(0.75);
    expect(figures.perLabel.positive).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(figures.perLabel.neutral).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(figures.macroF1).toBeCloseTo((2 / 3 + 1 + 2 / 3) / 3, 12);
  });

  it('scores a label never predicted nor present as 0 rather than NaN', () => {
    expect(classificationFigures(['a'], ['a'], ['a', 'b']).perLabel.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });
});
