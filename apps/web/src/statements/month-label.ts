import { OPERATOR_TIME_ZONE } from '../format/dates';

/**
 * "ноябрь 2026" from `2026-11`. Trap: a month key parsed as an instant at midnight UTC would show the month
 * before in a zone west of UTC, so it is read at noon on the 15th, which is the same month everywhere.
 */
export function formatMonth(locale: string, month: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, {
    month: style,
    year: 'numeric',
    timeZone: OPERATOR_TIME_ZONE,
  }).format(new Date(`${month}-15T12:00:00Z`));
}

/** "21 декабря 2026 г." from `2026-12-21` (a calendar date, read at noon for the same reason). */
export function formatDay(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: OPERATOR_TIME_ZONE,
  }).format(new Date(`${day}T12:00:00Z`));
}

/** This month (`YYYY-MM`) in the operator's zone. */
export function currentMonth(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: OPERATOR_TIME_ZONE })
    .format(now)
    .slice(0, 7);
}
