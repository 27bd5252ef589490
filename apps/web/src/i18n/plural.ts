/**
 * Russian nouns after a number take one of three forms: 1, 21, 101 → "минута"; 2–4, 22–24 → "минуты";
 * 0, 5–20, 11–14, 25… → "минуты" is wrong, "минут" is right. The teens (11–14) are the trap: they end in
 * 1–4 but take the "many" form.
 */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(Math.trunc(n));
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** English has two forms: exactly one, and everything else (including zero). */
export function pluralEn(n: number, one: string, other: string): string {
  return Math.abs(n) === 1 ? one : other;
}
