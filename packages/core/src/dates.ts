/**
 * Calendar logic in the operator's time zone. Instants are `Date` (UTC inside); "the 1st of the month" or
 * "tomorrow" only mean something in a zone, so every calendar function takes the zone explicitly.
 *
 * Trap: adding 24 h is not "tomorrow" across a DST change, and "one month after 31 January" does not exist. We
 * compute on wall-clock fields in the zone and clamp the day to the month's length.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`. */
export function toWallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The instant when the wall clock in `timeZone` shows `wall` (the earlier one if the clock shows it twice). */
export function fromWallClock(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Two passes settle the zone offset even when `wall` is near a DST change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = toWallClock(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess += asUtc - seenUtc;
  }
  return new Date(guess);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Midnight that starts the day containing `instant`, in `timeZone`. */
export function startOfDay(instant: Date, timeZone: string): Date {
  const w = toWallClock(instant, timeZone);
  return fromWallClock({ ...w, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** Midnight of the next calendar day in `timeZone`. */
export function startOfNextDay(instant: Date, timeZone: string): Date {
  const w = toWallClock(instant, timeZone);
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return fromWallClock(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timeZone,
  );
}

/**
 * The next monthly charge strictly after `instant`, on `anchorDay` of a month at midnight in `timeZone`. A month
 * shorter than the anchor day charges on its last day (anchor 31 → 28/29 February).
 */
export function nextMonthlyCharge(instant: Date, anchorDay: number, timeZone: string): Date {
  const w = toWallClock(instant, timeZone);
  for (let add = 0; add < 3; add++) {
    const y = w.year + Math.floor((w.month - 1 + add) / 12);
    const m = ((w.month - 1 + add) % 12) + 1;
    const day = Math.min(anchorDay, daysInMonth(y, m));
    const candidate = fromWallClock({ year: y, month: m, day, hour: 0, minute: 0, second: 0 }, timeZone);
    if (candidate.getTime() > instant.getTime()) return candidate;
  }
  throw new Error('unreachable: a monthly charge always falls within three months');
}
