/**
 * SVC-13 number portability (MNP) dates, by the Russian rules (Постановление Правительства РФ № 1176 and the
 * operators' practice): the number moves no sooner than 8 days after the application, and at most 6 months
 * later. Dates are calendar days (`YYYY-MM-DD`) in the operator's time zone: "8 days ahead" counted from the
 * operator's today, not the browser's or UTC's (near midnight they differ).
 */
import { toWallClock } from '../dates.ts';

/** The earliest transfer date is this many days after the operator's today. */
export const MNP_MIN_DAYS = 8;
/** The latest transfer date is this many days after the operator's today (about six months). */
export const MNP_MAX_DAYS = 183;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date, or null when it is not a real date (`2026-02-30`). */
function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return utc / 86_400_000;
}

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The operator's today as a day number. */
function today(now: Date, timeZone: string): number {
  const w = toWallClock(now, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;
}

/** The range of transfer dates allowed today, both ends included. */
export function portDateRange(now: Date, timeZone: string): { earliest: string; latest: string } {
  const t = today(now, timeZone);
  return { earliest: isoOfDay(t + MNP_MIN_DAYS), latest: isoOfDay(t + MNP_MAX_DAYS) };
}

/** Why a desired transfer date is refused, or null when it is allowed. */
export type PortDateProblem = 'invalid' | 'too_early' | 'too_late';

/** Checks a desired transfer date (`YYYY-MM-DD`) against the MNP rules. */
export function checkPortDate(date: string, now: Date, timeZone: string): PortDateProblem | null {
  const day = dayNumber(date);
  if (day === null) return 'invalid';
  const t = today(now, timeZone);
  if (day < t + MNP_MIN_DAYS) return 'too_early';
  if (day > t + MNP_MAX_DAYS) return 'too_late';
  return null;
}
