import type { Dictionary } from '../i18n/ru';

/** A wait in words, rounded up to the coarsest sensible unit: "45 секунд", "3 минуты", "2 часа". */
export function formatWait(time: Dictionary['time'], seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return time.seconds(s);
  if (s < 3600) return time.minutes(Math.ceil(s / 60));
  return time.hours(Math.ceil(s / 3600));
}

/** A countdown clock: 45 → "0:45", 125 → "2:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
