import { parseRubles } from '@kabinet/core';

/**
 * Kopecks from a roubles field as typed (`500`, `500,50`, `1 500`): the number to send, `null` for an empty
 * field, `undefined` for text that is not an amount (the form says so before sending anything).
 */
export function kopecksFromField(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  try {
    return Number(parseRubles(text));
  } catch {
    return undefined;
  }
}

/** A kopecks value as the roubles a person would type back (`500`, `500,5`), for prefilled fields. */
export function fieldFromKopecks(kopecks: number | null): string {
  if (kopecks === null) return '';
  const whole = Math.trunc(kopecks / 100);
  const rest = Math.abs(kopecks % 100);
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`;
}
