/**
 * Throughput of the offline signal tools: sentences scored per second (finance scorer and
 * baseline) and texts embedded per second (256-d hashing embedder). Texts are generated
 * deterministically from fixed word lists, so every run scores the same input.
 */
import { baselineSentiment, createHashingEmbedder, extractTickers, classifyEvent, scoreSentiment } from '../tools/signals/index.ts';

const SUBJECTS = ['Apple', 'Operating profit', 'Net sales', 'The net loss', 'Costs', 'Nvidia', 'Quarterly revenue', '$TSLA'];
const VERBS = ['rose sharply', 'fell', 'narrowed', 'increased slightly', 'did not decrease', 'beat estimates', 'missed expectations', 'was flat'];
const TAILS = ['to USD 42 million from USD 30 million', 'after the company raised guidance', 'as analysts downgrade the stock', 'in the second half of the year', 'while the board approved a dividend'];

function generateTexts(count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    `${SUBJECTS[index % SUBJECTS.length]} ${VERBS[Math.floor(index / SUBJECTS.length) % VERBS.length]} ${TAILS[index % TAILS.length]} (item ${index}) .`);
}

function perSecond(label: string, count: number, run: () => void): void {
  run(); // warm-up
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(34)} ${Math.round(count / seconds).toLocaleString('en-US')} per second (n=${count}, ${(seconds * 1000).toFixed(0)} ms)`);
}

export default async function bench(): Promise<void> {
  const texts = generateTexts(20_000);
  perSecond('sentences scored (finance)', texts.length, () => texts.forEach((text) => scoreSentiment(text)));
  perSecond('sentences scored (baseline)', texts.length, () => texts.forEach((text) => baselineSentiment(text)));
  perSecond('texts classified (events)', texts.length, () => texts.forEach((text) => classifyEvent(text)));
  perSecond('texts mapped to tickers', texts.length, () => texts.forEach((text) => extractTickers(text)));
  const embedder = createHashingEmbedder();
  perSecond('texts embedded (256-d, batch 100)', texts.length, () => {
    for (let start = 0; start < texts.length; start += 100) embedder.embed(texts.slice(start, start + 100));
  });
}
