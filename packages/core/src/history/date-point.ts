import { fromWallClock, startOfNextDay, toWallClock } from '../dates.ts';

/** The calendar day `now` falls on in `timeZone`, as `YYYY-MM-DD`. */
export function calendarDate(now: Date, timeZone: string): string {
  const w = toWallClock(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Whether `YYYY-MM-DD` names a real day (the pattern alone lets 2026-02-31 through). */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * SVC-10: the instant whose state "how it was on `date`" means: the last moment of that day in the operator's
 * time zone (what the subscriber had when the day ended), or `now` for today. Null for a day after today.
 * The day is read at noon, so a midnight DST shift cannot move it to a neighbouring date.
 */
export function stateInstantOf(date: string, now: Date, timeZone: string): Date | null {
  if (date > calendarDate(now, timeZone)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const noon = fromWallClock({ year, month, day, hour: 12, minute: 0, second: 0 }, timeZone);
  const lastMoment = new Date(startOfNextDay(noon, timeZone).getTime() - 1);
  return lastMoment.getTime() < now.getTime() ? lastMoment : now;
}
