/**
 * Calendar grids for the simulation. The seeder asks "which day / which billing month holds this instant" for
 * every usage record; asking Intl each time would dominate the run, so the boundaries are computed once with
 * the core date functions (operator time zone, month-end clamping) and looked up by binary search.
 */
import {
  daysInMonth,
  fromWallClock,
  nextMonthlyCharge,
  startOfDay,
  startOfNextDay,
  toWallClock,
} from '@kabinet/core';

/** Ascending instants (ms); a period is [grid[i], grid[i + 1]). */
export type Grid = number[];

/** Midnights in `timeZone` from the one starting `from`'s day to the first one after `to`. */
export function dayGrid(from: Date, to: Date, timeZone: string): Grid {
  const grid = [startOfDay(from, timeZone).getTime()];
  let last = new Date(grid[0] ?? 0);
  while (last.getTime() <= to.getTime()) {
    last = startOfNextDay(last, timeZone);
    grid.push(last.getTime());
  }
  return grid;
}

/** Monthly charge instants on `anchorDay`: the last one at or before `from` up to the first one after `to`. */
export function monthGrid(from: Date, to: Date, anchorDay: number, timeZone: string): Grid {
  // Charges are at most 31 days apart, so the first one after from − 32 days is at or before `from`.
  let at = nextMonthlyCharge(new Date(from.getTime() - 32 * 86_400_000), anchorDay, timeZone);
  const grid = [at.getTime()];
  while (at.getTime() <= to.getTime()) {
    at = nextMonthlyCharge(at, anchorDay, timeZone);
    grid.push(at.getTime());
  }
  return grid;
}

/** Index i with grid[i] ≤ t < grid[i + 1], or -1 when t is before the grid. */
export function periodIndex(grid: Grid, t: number): number {
  let lo = 0;
  let hi = grid.length - 1;
  if (grid.length === 0 || t < (grid[0] ?? 0)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((grid[mid] ?? 0) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Midnight `months` calendar months before `instant`'s day, clamped to the month's length. */
export function monthsBefore(instant: Date, months: number, timeZone: string): Date {
  const w = toWallClock(instant, timeZone);
  const index = w.year * 12 + (w.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromWallClock(
    { year, month, day: Math.min(w.day, daysInMonth(year, month)), hour: 0, minute: 0, second: 0 },
    timeZone,
  );
}

/** Day of month of `instant` in `timeZone`: the billing anchor of something that started then. */
export function dayOfMonth(instant: Date, timeZone: string): number {
  return toWallClock(instant, timeZone).day;
}
