import { toWallClock } from '@kabinet/core';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * When a promised payment is debited, as an SMS or a USSD screen says it, in the operator's zone:
 * `07.12.2026 14:05` (`short`: `07.12 14:05`, for the 182 characters of a USSD screen).
 */
export function promisedDueText(at: Date, timeZone: string, short = false): string {
  const w = toWallClock(at, timeZone);
  const day = short ? `${two(w.day)}.${two(w.month)}` : `${two(w.day)}.${two(w.month)}.${w.year}`;
  return `${day} ${two(w.hour)}:${two(w.minute)}`;
}
