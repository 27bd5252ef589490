/**
 * Calendar months in the operator's time zone, written `YYYY-MM`. Statements, summaries and invoices count a
 * month from midnight of its 1st in that zone: a call at 01:00 Moscow time on 1 March is March's, although it
 * is still February in UTC.
 */
import { fromWallClock, toWallClock } from '../dates.ts';

export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): value is MonthKey {
  return MONTH.test(value);
}

/** The month containing `instant` in `timeZone`. */
export function monthOf(instant: Date, timeZone: string): MonthKey {
  const w = toWallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}`;
}

/** `month` moved by `delta` months (negative goes back). */
export function addMonths(month: MonthKey, delta: number): MonthKey {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** [start, end) of a month: midnight of its 1st and of the next month's 1st, in `timeZone`. */
export function monthBounds(month: MonthKey, timeZone: string): { start: Date; end: Date } {
  const first = (key: MonthKey) => {
    const [year, mon] = key.split('-').map(Number) as [number, number];
    return fromWallClock({ year, month: mon, day: 1, hour: 0, minute: 0, second: 0 }, timeZone);
  };
  return { start: first(month), end: first(addMonths(month, 1)) };
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: MonthKey, count: number): MonthKey[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** A calendar date `YYYY-MM-DD` that exists (no 31 April). */
export function isDateKey(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** [start, end) of the calendar days `from`…`to` inclusive (`YYYY-MM-DD`) in `timeZone`. */
export function dateRangeBounds(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const at = (key: string, addDays: number) => {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d + addDays));
    return fromWallClock(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      },
      timeZone,
    );
  };
  return { start: at(from, 0), end: at(to, 1) };
}

/** Days from `from` to `to` inclusive (`YYYY-MM-DD`); 1 for a single day. */
export function daysBetweenInclusive(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

/** The calendar date `key` (`YYYY-MM-DD`) moved by `days` (the instant-based `addDays` is the charging one). */
export function addDaysToDate(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The calendar date (`YYYY-MM-DD`) of `instant` in `timeZone`. */
export function dateKeyOf(instant: Date, timeZone: string): string {
  const w = toWallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
