import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DeskError } from '../../core/index.ts';
import { buildBatch, type LocatedRawItem, type NewsBatch } from './batch.ts';
import type { NormalizeOptions } from './normalize.ts';
import { decodeEntities } from './text.ts';

type XmlNode = Record<string, unknown>;

// Entities are decoded by hand (processEntities off), so a DOCTYPE can never expand entities.
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', parseTagValue: false,
  parseAttributeValue: false, processEntities: false, trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

/**
 * Parse an RSS 2.0 or Atom feed into news items. RSS: title, link (else a permalink guid),
 * content:encoded or description, pubDate (or dc:date), category, source (else the channel
 * title). Atom: title, link (alternate), content or summary, published (else updated),
 * category term, source title (else the feed title). HTML is stripped; each refused item is
 * reported as "item N (line L)". A document that is not XML, or neither RSS nor Atom, is a parse_error.
 *
 * @example parseFeed(xml).items[0].headline
 */
export function parseFeed(xml: string, options: NormalizeOptions = {}): NewsBatch {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new DeskError('parse_error', `feed is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`, { line: valid.err.line });
  }
  const document = parser.parse(xml) as XmlNode;
  const lines = itemLines(xml);
  const rss = document.rss as XmlNode | undefined;
  const atom = document.feed as XmlNode | undefined;
  if (rss !== undefined) {
    const channel = (first(rss.channel) ?? {}) as XmlNode;
    const feedTitle = text(channel.title);
    const located = asArray(channel.item).map((node, index) => locate(index, lines, rssItem(node as XmlNode)));
    return buildBatch(located, { ...options, html: true, defaultSource: options.defaultSource ?? (feedTitle || undefined) });
  }
  if (atom !== undefined) {
    const feedTitle = text(atom.title);
    const located = asArray(atom.entry).map((node, index) => locate(index, lines, atomEntry(node as XmlNode)));
    return buildBatch(located, { ...options, html: true, defaultSource: options.defaultSource ?? (feedTitle || undefined) });
  }
  throw new DeskError('parse_error', `feed is neither RSS 2.0 (<rss><channel>) nor Atom (<feed>): root element is <${Object.keys(document).find((key) => !key.startsWith('?')) ?? 'none'}>`);
}

function rssItem(node: XmlNode): LocatedRawItem['raw'] {
  const guid = first(node.guid);
  const permalink = typeof guid === 'object' && guid !== null && (guid as XmlNode)['@_isPermaLink'] === 'false' ? undefined : text(guid);
  const link = text(first(node.link)) || (permalink && /^https?:/i.test(permalink) ? permalink : undefined);
  return {
    headline: text(node.title),
    url: link,
    body: text(node['content:encoded']) || text(node.description),
    published: text(node.pubDate) || text(node['dc:date']) || undefined,
    source: text(node.source) || undefined,
    tickers: categoryTickers(asArray(node.category).map(text)),
  };
}

function atomEntry(node: XmlNode): LocatedRawItem['raw'] {
  const links = asArray(node.link) as XmlNode[];
  const alternate = links.find((link) => link['@_rel'] === undefined || link['@_rel'] === 'alternate');
  const source = node.source as XmlNode | undefined;
  return {
    headline: text(node.title),
    url: alternate === undefined ? undefined : decodeEntities(String(alternate['@_href'] ?? '')),
    body: text(node.content) || text(node.summary),
    published: text(node.published) || text(node.updated) || undefined,
    source: (source && text(source.title)) || undefined,
    tickers: categoryTickers(asArray(node.category).map((category) => (typeof category === 'object' && category !== null ? String((category as XmlNode)['@_term'] ?? text(category)) : text(category)))),
  };
}

// Finance feeds tag tickers as "$AAPL" or "NASDAQ:AAPL"; other categories are topics, not tickers.
function categoryTickers(categories: string[]): string[] {
  return categories.flatMap((category) => {
    const match = /^(?:\$|(?:NASDAQ|NYSE|AMEX|NYSEARCA|BATS|OTC|LSE|TSX):)([A-Za-z][A-Za-z0-9.-]{0,11})$/i.exec(category.trim());
    return match ? [match[1].toUpperCase()] : [];
  });
}

function locate(index: number, lines: number[], raw: LocatedRawItem['raw']): LocatedRawItem {
  const line = lines[index];
  return { at: line === undefined ? `item ${index + 1}` : `item ${index + 1} (line ${line})`, raw };
}

// Line of each <item> / <entry> start tag, in document order.
function itemLines(xml: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  for (const match of xml.matchAll(/<(?:item|entry)[\s>/]/g)) {
    for (let index = scanned; index < match.index; index++) if (xml.charCodeAt(index) === 10) line++;
    scanned = match.index;
    lines.push(line);
  }
  return lines;
}

function text(node: unknown): string {
  const value = first(node);
  if (typeof value === 'string') return decodeEntities(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return decodeEntities(String((value as XmlNode)['#text']));
  return '';
}

const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
