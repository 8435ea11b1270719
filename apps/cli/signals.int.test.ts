import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../tools/signals/index.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/desk.js');

describe('desk signals and desk news (child processes)', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-signals-'));
  const env = { ...process.env, DESK_HOME: join(home, 'desk'), DESK_PORT: '0', ANTHROPIC_API_KEY: '', DATABASE_URL: '' };
  const desk = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 })).stdout;
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('scores one text as JSON with label, score, drivers and event', async () => {
    const text = 'Operating profit rose to EUR 13.1 mn from EUR 8.7 mn';
    const result = JSON.parse(await desk('signals', 'score', text, '--json'));
    expect(result).toMatchObject({ text, label: 'positive', score: scoreSentiment(text).score });
    expect(result.drivers).toEqual(scoreSentiment(text).drivers);
    expect(result.event).toHaveProperty('type');
  });

  it('scores a file one sentence a line, printing a label and score per line', async () => {
    const path = join(home, 'sentences.txt');
    writeFileSync(path, 'Net sales decreased by 5 %\n\nThe company raised its guidance\nThe meeting is on Tuesday\n');
    const lines = (await desk('signals', 'score', '--file', path, '--json')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((entry) => [entry.line, entry.label])).toEqual([[1, 'negative'], [3, 'positive'], [4, 'neutral']]);
    expect(lines[0].score).toBeCloseTo(scoreSentiment('Net sales decreased by 5 %').score, 4);
    const text = await desk('signals', 'score', '--file', path);
    expect(text.split('\n')[0]).toMatch(/^negative\s+-0\.\d{4}  Net sales decreased by 5 %$/);
  });

  it('ingests a news file, then searches it and prints the symbol series', async () => {
    const path = join(home, 'wire.jsonl');
    writeFileSync(path, [
      JSON.stringify({ headline: 'Nvidia beat estimates and raised guidance', published: '2025-06-02T21:00:00Z', source: 'Wire', url: 'https://wire.example/1' }),
      JSON.stringify({ headline: 'Microsoft faces an antitrust probe', published: '2025-06-03T12:00:00Z', source: 'Wire' }),
      '{"headline": "broken"',
    ].join('\n'));
    const ingest = await desk('news', 'ingest', path);
    expect(ingest).toMatch(/^stored 2, duplicates 0, refused 1; scored 2 by lexicon-v1; embedded 2 \(semantic search on\)\n {2}refused line 3: not valid JSON/);
    const search = await desk('news', 'search', 'antitrust investigation', '--symbol', 'MSFT');
    expect(search).toMatch(/^0\.\d{3} {2}2025-06-03 {2}\[MSFT\] "Microsoft faces an antitrust probe" \(Wire\)\n$/);
    const series = JSON.parse(await desk('signals', 'series', 'NVDA', '--from', '2025-06-02', '--to', '2025-06-03', '--half-life', '1', '--json'));
    const score = scoreSentiment('Nvidia beat estimates and raised guidance').score;
    expect(series.points.map((point: { date: string; sentiment: number }) => [point.date, point.sentiment])).toEqual([['2025-06-02', score], ['2025-06-03', score / 2]]);
    await expect(desk('news', 'search', 'x y', '--limit', '0')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/--limit must be a whole number from 1 to 100/) });
  }, 180_000);
});
