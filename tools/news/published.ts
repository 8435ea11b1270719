const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_NAIVE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?$/;
// RFC 822/1123 as RSS writes it: "Tue, 10 Jun 2025 14:30:00 GMT", "+0000", "EST", optional weekday and seconds.
const RFC_822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|UT|UTC|GMT|[ECMP][SD]T|Z)$/;

/**
 * A published time as an ISO UTC instant, or a reason it cannot be read. Accepts ISO 8601 with
 * a zone (Z or ±hh:mm), RSS's RFC 822 dates, and zone-less ISO dates or date-times, which are
 * read as UTC (a date alone is midnight UTC). Anything else is refused, never guessed.
 *
 * @example parsePublished('Tue, 10 Jun 2025 10:30:00 -0400') // { ok: true, value: '2025-06-10T14:30:00.000Z' }
 */
export function parsePublished(text: string): { ok: true; value: string } | { ok: false; reason: string } {
  const trimmed = text.trim();
  let candidate: string | undefined;
  const withZone = ISO_WITH_ZONE.exec(trimmed);
  const naive = ISO_NAIVE.exec(trimmed);
  if (withZone) candidate = `${withZone[1]}T${withZone[2]}${withZone[3].toUpperCase() === 'Z' ? 'Z' : withZone[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
  else if (naive) candidate = `${naive[1]}T${naive[2] ?? '00:00'}Z`;
  else if (RFC_822.test(trimmed)) candidate = trimmed;
  const time = candidate === undefined ? Number.NaN : Date.parse(candidate);
  if (Number.isNaN(time) || (naive && !sameCalendarDate(naive[1], time))) {
    return { ok: false, reason: `published time ${JSON.stringify(text)} is not ISO 8601 (e.g. 2025-06-10T14:30:00Z) or RFC 822 (e.g. Tue, 10 Jun 2025 14:30:00 GMT)` };
  }
  return { ok: true, value: new Date(time).toISOString() };
}

// Date.parse rolls 2025-02-30 over to March; a date that does not exist is refused.
function sameCalendarDate(date: string, time: number): boolean {
  return new Date(time).toISOString().slice(0, 10) === date;
}
