import { formatDate, OPERATOR_TIME_ZONE } from '../format/dates';

/**
 * The day a suspension of `days` days ends, as an ISO instant inside that day in the operator's zone (noon
 * UTC): today in the operator's zone plus `days`. Only for the confirmation; the server's `until` is the truth.
 */
export function suspensionEnd(days: number, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: OPERATOR_TIME_ZONE,
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day') + days, 12)).toISOString();
}

/**
 * A date for the middle or end of a sentence: "7 января 2027 г." loses its abbreviation dot, which the
 * sentence's own full stop gives back (no "г..").
 */
export function dateInSentence(locale: string, iso: string): string {
  return formatDate(locale, iso).replace(/\.$/, '');
}
