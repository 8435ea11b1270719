/** Accuracy, macro-F1 and per-label precision/recall/F1 of a labelled prediction set. */
export interface LabelFigures { precision: number; recall: number; f1: number; support: number }
export interface ClassificationFigures { accuracy: number; macroF1: number; perLabel: Record<string, LabelFigures> }

/**
 * @example classificationFigures(['a', 'b'], ['a', 'a'], ['a', 'b']).accuracy // 0.5
 */
export function classificationFigures(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): ClassificationFigures {
  const perLabel: Record<string, LabelFigures> = {};
  for (const label of labels) {
    let truePositive = 0, falsePositive = 0, falseNegative = 0;
    gold.forEach((goldLabel, index) => {
      if (predicted[index] === label && goldLabel === label) truePositive++;
      else if (predicted[index] === label) falsePositive++;
      else if (goldLabel === label) falseNegative++;
    });
    const precision = truePositive + falsePositive === 0 ? 0 : truePositive / (truePositive + falsePositive);
    const recall = truePositive + falseNegative === 0 ? 0 : truePositive / (truePositive + falseNegative);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[label] = { precision, recall, f1, support: truePositive + falseNegative };
  }
  const correct = gold.filter((goldLabel, index) => goldLabel === predicted[index]).length;
  const macroF1 = labels.reduce((sum, label) => sum + perLabel[label].f1, 0) / labels.length;
  return { accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1, perLabel };
}
