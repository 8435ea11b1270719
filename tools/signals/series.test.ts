import { describe, expect, it } from 'vitest';
import { buildSignalSeries, signalExternals, type SignalDocument } from './series.ts';

const doc = (id: string, publishedAt: string, sentiment: number, overrides: Partial<SignalDocument> = {}): SignalDocument => ({
  id, headline: `headline ${id}`, source: 'wire', publishedAt, sentiment, event: 'none', eventConfidence: 0.9, ...overrides,
});

describe('buildSignalSeries', () => {
  it('decays one document by its half-life and is 0 before it', () => {
    const series = buildSignalSeries([doc('a', '2025-06-03T14:00:00.000Z', 0.8, { event: 'earnings_beat', eventConfidence: 0.5 })], { symbol: 'AAPL', halfLifeDays: 1, from: '2025-06-02', to: '2025-06-05' });
    expect(series.points.map((point) => [point.date, point.sentiment, point.event, point.documents])).toEqual([
      ['2025-06-02', 0, 0, 0],
      ['2025-06-03', 0.8, 0.5, 1],
      ['2025-06-04', 0.4, 0.25, 1], // weight 0.5
      ['2025-06-05', 0.2, 0.125, 1], // weight 0.25
    ]);
    expect(series.points[2].evidence).toEqual([{ id: 'a', headline: 'headline a', source: 'wire', publishedAt: '2025-06-03T14:00:00.000Z', weight: 0.5, sentiment: 0.8, event: 'earnings_beat' }]);
  });

  it('averages by weight once the weights add up to more than 1, sources weighted', () => {
    // On 06-04: a (0.6, weight 2 × 0.5 = 1), b (−0.3, weight 1): (0.6 − 0.3) / 2 = 0.15; event: (−1 × 0.8 × 1) / 2 = −0.4.
    const series = buildSignalSeries(
      [doc('a', '2025-06-03T10:00:00Z', 0.6, { source: 'Reuters' }), doc('b', '2025-06-04T23:59:00Z', -0.3, { event: 'guidance_cut', eventConfidence: 0.8 })],
      { symbol: 'MSFT', halfLifeDays: 1, sourceWeights: { Reuters: 2 } },
    );
    expect(series.points.map((point) => point.date)).toEqual(['2025-06-03', '2025-06-04']);
    expect(series.points[0].sentiment).toBeCloseTo(0.6, 12); // weight 2: 1.2 / 2
    expect(series.points[1].sentiment).toBeCloseTo(0.15, 12);
    expect(series.points[1].event).toBeCloseTo(-0.4, 12);
    expect(series.points[1].evidence.map((entry) => entry.id)).toEqual(['a', 'b']); // ties by id
  });

  it('drops documents below minWeight and lists at most maxEvidence', () => {
    const documents = [doc('a', '2025-06-01T00:00:00Z', 1), doc('b', '2025-06-08T00:00:00Z', 0.5), doc('c', '2025-06-08T01:00:00Z', 0.1)];
    const series = buildSignalSeries(documents, { symbol: 'X', halfLifeDays: 1, minWeight: 0.01, maxEvidence: 1, from: '2025-06-08', to: '2025-06-08' });
    // a weighs 0.5^7 = 0.0078 < 0.01: left out. b and c weigh 1 each: (0.5 + 0.1) / 2.
    expect(series.points[0]).toMatchObject({ documents: 2, sentiment: 0.3, evidence: [{ id: 'b' }] });
  });

  it('gives strategy externals by date and refuses bad options naming the field', () => {
    const series = buildSignalSeries([doc('a', '2025-06-03T00:00:00Z', 0.5)], { symbol: 'X', halfLifeDays: 1, to: '2025-06-04' });
    expect(signalExternals(series)).toEqual({ sentiment: { '2025-06-03': 0.5, '2025-06-04': 0.25 }, event: { '2025-06-03': 0, '2025-06-04': 0 } });
    expect(Object.keys(signalExternals(series, 'aapl_'))).toEqual(['aapl_sentiment', 'aapl_event']);
    expect(() => buildSignalSeries([], { symbol: 'X', halfLifeDays: 0 })).toThrow(/halfLifeDays must be a number in \(0, 365\]/);
    expect(() => buildSignalSeries([], { symbol: 'X', from: '2025-06-05', to: '2025-06-01' })).toThrow(/to \(2025-06-01\) is before from/);
    expect(() => buildSignalSeries([], { symbol: 'X', sourceWeights: { blog: -1 } })).toThrow(/source weight of blog/);
    expect(buildSignalSeries([], { symbol: 'X' }).points).toEqual([]);
  });
});
