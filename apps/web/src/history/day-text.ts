/**
 * "12 марта 2026 г." for a calendar day `YYYY-MM-DD`. Trap: `new Date('2026-03-12')` is midnight UTC, which a
 * browser west of Greenwich shows as the 11th; the day is formatted at noon UTC in UTC, so it stays the 12th.
 */
export function dayText(locale: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}
