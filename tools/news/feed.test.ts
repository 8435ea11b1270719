import { describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import { parseFeed } from './feed.ts';
import { newsId } from './text.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Market Wire</title>
  <item>
    <title>Apple beats estimates &amp; raises guidance</title>
    <link>https://news.example.com/apple-beats#top</link>
    <description><![CDATA[<p>Apple <b>topped</b> forecasts.</p>]]></description>
    <pubDate>Tue, 10 Jun 2025 10:30:00 -0400</pubDate>
    <category>NASDAQ:AAPL</category>
    <category>Earnings</category>
  </item>
  <item>
    <title>No date here</title>
    <link>https://news.example.com/undated</link>
  </item>
  <item>
    <title>Nvidia unveils a new chip</title>
    <guid isPermaLink="true">https://news.example.com/nvidia-chip</guid>
    <description>&lt;p&gt;The $TSLA rival?&lt;/p&gt;</description>
    <pubDate>Wed, 11 Jun 2025 08:00:00 GMT</pubDate>
    <source url="https://other.example.com">Chip Daily</source>
  </item>
  <item>
    <title>Apple beats estimates &amp; raises guidance (repost)</title>
    <link>https://news.example.com/apple-beats</link>
    <pubDate>Tue, 10 Jun 2025 15:00:00 GMT</pubDate>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Desk Atom</title>
  <entry>
    <title type="html">Microsoft &lt;em&gt;cuts&lt;/em&gt; guidance</title>
    <link rel="self" href="https://atom.example.com/self/1"/>
    <link rel="alternate" href="https://atom.example.com/msft-cut"/>
    <updated>2025-06-12T09:00:00+02:00</updated>
    <summary>Microsoft lowered its outlook.</summary>
    <category term="$MSFT"/>
  </entry>
  <entry>
    <title>Alphabet to buy a startup</title>
    <link href="https://atom.example.com/googl"/>
    <published>2025-06-13T12:00:00Z</published>
    <updated>2025-06-14T12:00:00Z</updated>
    <content type="html">&lt;p&gt;Google agreed to acquire it.&lt;/p&gt;</content>
  </entry>
</feed>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items: text without HTML, UTC times, tickers from categories and names, channel title as source', () => {
    const batch = parseFeed(RSS);
    expect(batch.items).toHaveLength(2);
    expect(batch.items[0]).toEqual({
      id: newsId('Apple beats estimates & raises guidance', 'Apple topped forecasts.'),
      url: 'https://news.example.com/apple-beats',
      headline: 'Apple beats estimates & raises guidance',
      body: 'Apple topped forecasts.',
      source: 'Market Wire',
      publishedAt: '2025-06-10T14:30:00.000Z',
      tickers: ['AAPL'],
    });
    expect(batch.items[1]).toMatchObject({ url: 'https://news.example.com/nvidia-chip', body: 'The $TSLA rival?', source: 'Chip Daily', publishedAt: '2025-06-11T08:00:00.000Z', tickers: ['NVDA', 'TSLA'] });
  });

  it('reports a refused item with its position and line, and a repeated URL as a duplicate of the first', () => {
    const batch = parseFeed(RSS);
    expect(batch.problems).toEqual([{ at: 'item 2 (line 13)', reason: 'published time is missing' }]);
    expect(batch.duplicates).toEqual([{ at: 'item 4 (line 24)', id: expect.stringMatching(/^news_/), duplicateOf: batch.items[0].id, by: 'url' }]);
  });

  it('reads Atom entries: alternate link, content before summary, published before updated, category terms', () => {
    const batch = parseFeed(ATOM);
    expect(batch.problems).toEqual([]);
    expect(batch.items.map(({ headline, url, body, source, publishedAt, tickers }) => ({ headline, url, body, source, publishedAt, tickers }))).toEqual([
      { headline: 'Microsoft cuts guidance', url: 'https://atom.example.com/msft-cut', body: 'Microsoft lowered its outlook.', source: 'Desk Atom', publishedAt: '2025-06-12T07:00:00.000Z', tickers: ['MSFT'] },
      { headline: 'Alphabet to buy a startup', url: 'https://atom.example.com/googl', body: 'Google agreed to acquire it.', source: 'Desk Atom', publishedAt: '2025-06-13T12:00:00.000Z', tickers: ['GOOGL'] },
    ]);
  });

  it('refuses text that is not XML, or XML that is neither RSS nor Atom, as a parse_error', () => {
    expect(() => parseFeed('<rss><channel>')).toThrow(/not well-formed XML/);
    try {
      parseFeed('<html><body/></html>');
      expect.unreachable();
    } catch (error) {
      expect(isDeskError(error, 'parse_error')).toBe(true);
      expect((error as Error).message).toMatch(/neither RSS 2.0 .* nor Atom .*root element is <html>/);
    }
  });

  it('never expands entities declared in a DOCTYPE', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY boom "BOOM">]><rss><channel><title>t</title><item><title>&boom; Apple</title><pubDate>2025-06-10T00:00:00Z</pubDate></item></channel></rss>`;
    expect(parseFeed(xml).items[0].headline).toBe('&boom; Apple');
  });
});
