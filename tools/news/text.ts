import { createHash } from 'node:crypto';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', euro: '€', pound: '£', copy: '©', reg: '®', trade: '™',
};

/**
 * Plain text of a feed field: HTML tags removed (block tags become spaces), entities decoded,
 * whitespace collapsed. Feeds often put HTML inside <description>; the desk stores text only.
 *
 * @example htmlToText('<p>Apple <b>beat</b> estimates&nbsp;&amp; rose</p>') // 'Apple beat estimates & rose'
 */
export function htmlToText(html: string): string {
  const withoutMarkup = html
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  return collapseWhitespace(decodeEntities(withoutMarkup));
}

/** Decode named (common) and numeric HTML entities; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Trim and turn every run of whitespace into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The id of a news item: sha256 of its headline and body, lower-cased with whitespace collapsed,
 * so the same story syndicated under two URLs (or re-sent with other spacing) has one id.
 *
 * @example newsId('Apple beats', 'Sales rose.') === newsId('APPLE  beats', 'sales rose.') // true
 */
export function newsId(headline: string, body: string): string {
  const canonical = `${collapseWhitespace(headline).toLowerCase()}\n${collapseWhitespace(body).toLowerCase()}`;
  return `news_${createHash('sha256').update(canonical).digest('hex').slice(0, 24)}`;
}
