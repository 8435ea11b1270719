import { describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import { readCsvRecords } from './csv.ts';
import { detectFormat, parseNews } from './parse.ts';
import { parsePublished } from './published.ts';
import { newsId } from './text.ts';

describe('parsePublished', () => {
  it('reads ISO instants with zones, RFC 822 dates, and zone-less ISO as UTC', () => {
    expect(parsePublished('2025-06-10T16:30:00+02:00')).toEqual({ ok: true, value: '2025-06-10T14:30:00.000Z' });
    expect(parsePublished('2025-06-10 14:30:00+0000')).toEqual({ ok: true, value: '2025-06-10T14:30:00.000Z' });
    expect(parsePublished('Tue, 10 Jun 2025 09:30:00 EST')).toEqual({ ok: true, value: '2025-06-10T14:30:00.000Z' });
    expect(parsePublished('2025-06-10')).toEqual({ ok: true, value: '2025-06-10T00:00:00.000Z' });
    expect(parsePublished('2025-06-10 14:30')).toEqual({ ok: true, value: '2025-06-10T14:30:00.000Z' });
  });

  it('refuses dates it would have to guess or that do not exist', () => {
    for (const text of ['June 10', '10/06/2025', '2025-02-30', 'yesterday', '2025-06-10T25:00:00Z']) {
      expect(parsePublished(text), text).toMatchObject({ ok: false, reason: expect.stringContaining('is not ISO 8601') });
    }
  });
});

describe('readCsvRecords', () => {
  it('keeps quoted commas, doubled quotes and line breaks, numbering records by their first line', () => {
    expect(readCsvRecords('a,b\r\n"x, ""y""",2\n\n"multi\nline",3\n')).toEqual([
      { line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x, "y"', '2'] }, { line: 4, cells: ['multi\nline', '3'] },
    ]);
  });

  it('refuses an unclosed quote with the line it started on', () => {
    expect(() => readCsvRecords('a\n"open,\n')).toThrow(/CSV line 2: a quoted field is never closed/);
  });
});

describe('parseNews (CSV and JSON lines)', () => {
  const CSV = [
    'Headline,Body,Source,Published,URL,Tickers',
    'Tesla recalls cars,"Tesla said, on Monday, it recalls 10,000 cars.",Wire,2025-06-09T12:00:00Z,https://x.example/tesla,TSLA',
    'Bad date,,Wire,last week,,',
    'Apple and $NVDA rally,,,2025-06-09T13:00:00Z,,MSFT;JPM',
    'Bad ticker,,Wire,2025-06-09,,123',
    'short,row',
    'Tesla recalls cars,"Tesla said, on Monday, it recalls 10,000 cars.",Other,2025-06-09T14:00:00Z,https://y.example/tesla,',
  ].join('\n');

  it('maps CSV columns by name, merges given tickers with mentioned ones, and uses the default source', () => {
    const batch = parseNews(CSV, { name: 'news.csv', defaultSource: 'file news.csv' });
    expect(batch.items).toEqual([
      { id: newsId('Tesla recalls cars', 'Tesla said, on Monday, it recalls 10,000 cars.'), url: 'https://x.example/tesla', headline: 'Tesla recalls cars', body: 'Tesla said, on Monday, it recalls 10,000 cars.', source: 'Wire', publishedAt: '2025-06-09T12:00:00.000Z', tickers: ['TSLA'] },
      { id: newsId('Apple and $NVDA rally', ''), url: null, headline: 'Apple and $NVDA rally', body: '', source: 'file news.csv', publishedAt: '2025-06-09T13:00:00.000Z', tickers: ['MSFT', 'JPM', 'AAPL', 'NVDA'] },
    ]);
  });

  it('reports each refused CSV row by line and a same-content row under another URL as a duplicate', () => {
    const batch = parseNews(CSV, { format: 'csv', defaultSource: 'f' });
    expect(batch.problems).toEqual([
      { at: 'line 6', reason: 'has 2 cells, the header has 6' },
      { at: 'line 3', reason: expect.stringContaining('published time "last week" is not ISO 8601') },
      { at: 'line 5', reason: expect.stringContaining('ticker "123" is not a symbol') },
    ]);
    expect(batch.duplicates).toEqual([{ at: 'line 7', id: batch.items[0].id, duplicateOf: batch.items[0].id, by: 'content' }]);
  });

  it('refuses a CSV without a headline or published column, naming the columns it accepts', () => {
    expect(() => parseNews('title,when\nx,y\n', { format: 'csv' })).toThrow(/has no published column \(got title, when\)/);
  });

  it('reads JSON lines with field aliases and reports bad lines by number', () => {
    const text = [
      '{"title":"Microsoft cuts guidance","summary":"Outlook lowered","publishedAt":"2025-06-12T07:00:00Z","publisher":"Wire","link":"https://z.example/m","symbols":["msft"]}',
      '',
      'not json',
      '[1,2]',
      '{"headline":"No source","published":"2025-06-12"}',
      '{"headline":"Ftp link","published":"2025-06-12","source":"s","url":"ftp://z.example/a"}',
    ].join('\n');
    const batch = parseNews(text);
    expect(batch.items.map((item) => [item.headline, item.body, item.source, item.url, item.tickers])).toEqual([['Microsoft cuts guidance', 'Outlook lowered', 'Wire', 'https://z.example/m', ['MSFT']]]);
    expect(batch.problems.map((problem) => problem.at)).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(batch.problems[2].reason).toMatch(/source is missing/);
    expect(batch.problems[3].reason).toBe('url must be http or https (got ftp:)');
  });

  it('detects the format from the extension, else the first character', () => {
    expect(detectFormat('{}', 'x.XML')).toBe('feed');
    expect(detectFormat('<rss/>', 'x.ndjson')).toBe('jsonl');
    expect(detectFormat('  <rss/>')).toBe('feed');
    expect(detectFormat('{"a":1}')).toBe('jsonl');
    expect(detectFormat('headline,published')).toBe('csv');
    try {
      parseNews('x', { format: 'pdf' as 'csv' });
      expect.unreachable();
    } catch (error) {
      expect(isDeskError(error, 'invalid_input')).toBe(true);
    }
  });
});
