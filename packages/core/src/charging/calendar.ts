import { fromWallClock, nextMonthlyCharge, startOfNextDay, toWallClock } from '../dates.ts';

/** The same wall-clock time `days` calendar days later in `timeZone` (not `days × 24 h`: DST days differ). */
export function addDays(instant: Date, days: number, timeZone: string): Date {
  const w = toWallClock(instant, timeZone);
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return fromWallClock(
    { ...w, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    timeZone,
  );
}

/** The end of a fee period that starts at `start`: the next midnight, or the next anchor day of a month. */
export function periodEnd(start: Date, period: 'day' | 'month', anchorDay: number, timeZone: string): Date {
  return period === 'day' ? startOfNextDay(start, timeZone) : nextMonthlyCharge(start, anchorDay, timeZone);
}

/** One billing period [start, end). */
export interface Period {
  start: Date;
  end: Date;
}

/**
 * RATE-03 catch-up: the periods whose start has come, from the first due one (`nextAt`) up to `now`, each once
 * and in order. After downtime every missed period is listed; `limit` bounds one run (the rest comes next run).
 */
export function duePeriods(
  nextAt: Date,
  now: Date,
  period: 'day' | 'month',
  anchorDay: number,
  timeZone: string,
  limit = 400,
): Period[] {
  const out: Period[] = [];
  let start = nextAt;
  while (start.getTime() <= now.getTime() && out.length < limit) {
    const end = periodEnd(start, period, anchorDay, timeZone);
    out.push({ start, end });
    start = end;
  }
  return out;
}
