/**
 * Evaluates tools/signals sentiment against the Financial PhraseBank dev files.
 * FPB is CC BY-NC-SA 3.0 (non-commercial): it is read from ../shared at run time and never
 * copied into this repository. Run: `npx tsx evals/scripts/sentiment-eval.ts`.
 *
 * Sentences are split by a fixed hash into a tuning half (thresholds are chosen there, on
 * 50Agree) and a report half; figures are printed for the report half and for the whole files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineSentiment, fnv1a, scoreSentiment, type SentimentResult } from '../../tools/signals/index.ts';
import { classificationFigures, type ClassificationFigures } from './classification-metrics.ts';

const LABELS = ['positive', 'negative', 'neutral'] as const;
const directory = join(import.meta.dirname, '../../../shared/data/financial-phrasebank');
interface Example { sentence: string; label: string }
type Scorer = (text: string, options: { threshold: number }) => SentimentResult;
const scorers: Record<string, Scorer> = { finance: scoreSentiment, baseline: baselineSentiment };

function load(file: string, encoding: BufferEncoding): Example[] {
  return readFileSync(join(directory, file), encoding).split(/\r?\n/).filter((line) => line.includes('@')).map((line) => {
    const at = line.lastIndexOf('@');
    return { sentence: line.slice(0, at).trim(), label: line.slice(at + 1).trim() };
  });
}

const isTuning = (example: Example) => fnv1a(example.sentence) % 2 === 0;

function evaluate(examples: Example[], scorer: Scorer, threshold: number): ClassificationFigures {
  const predicted = examples.map((example) => scorer(example.sentence, { threshold }).label);
  return classificationFigures(examples.map((example) => example.label), predicted, LABELS);
}

function tuneThreshold(examples: Example[], scorer: Scorer): number {
  let best = { threshold: 0, macroF1: -1 };
  for (let step = 0; step < 60; step++) {
    const threshold = step * 0.01;
    const { macroF1 } = evaluate(examples, scorer, threshold);
    if (macroF1 > best.macroF1) best = { threshold, macroF1 };
  }
  return best.threshold;
}

const format = (value: number) => value.toFixed(3);
function print(title: string, figures: ClassificationFigures): void {
  const labels = LABELS.map((label) => {
    const entry = figures.perLabel[label];
    return `${label} P ${format(entry.precision)} R ${format(entry.recall)} F1 ${format(entry.f1)} (n=${entry.support})`;
  });
  console.log(`  ${title.padEnd(36)} accuracy ${format(figures.accuracy)}  macro-F1 ${format(figures.macroF1)}`);
  console.log(`    ${labels.join(' | ')}`);
}

const sets = {
  Sentences_50Agree: load('Sentences_50Agree.dev.txt', 'latin1'),
  Sentences_AllAgree: load('Sentences_AllAgree.dev.txt', 'utf8'),
};
const tuning = sets.Sentences_50Agree.filter(isTuning);
const thresholds = Object.fromEntries(Object.entries(scorers).map(([name, scorer]) => [name, tuneThreshold(tuning, scorer)]));
console.log(`thresholds tuned on the 50Agree tuning half (n=${tuning.length}): ${JSON.stringify(thresholds)}`);
for (const [setName, examples] of Object.entries(sets)) {
  const report = examples.filter((example) => !isTuning(example));
  console.log(`\n${setName}: report half n=${report.length}, whole file n=${examples.length}`);
  for (const [name, scorer] of Object.entries(scorers)) {
    print(`${name} (report half)`, evaluate(report, scorer, thresholds[name]));
    print(`${name} (whole file)`, evaluate(examples, scorer, thresholds[name]));
  }
}
