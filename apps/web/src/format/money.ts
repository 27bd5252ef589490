/**
 * Money arrives as integer kopecks. Dividing by 100 yields a float, which is fine for display and nothing
 * else: never feed the result back into arithmetic.
 */
function rubFormat(locale: string, fractionDigits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'RUB',
    // "₽" in every locale; the default in English is the ISO code "RUB".
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: 2,
  });
}

/**
 * Formats kopecks as roubles. With `trimWhole`, whole-rouble amounts drop the ",00" ("450 ₽"), which reads
 * better for prices; balances keep the kopecks.
 */
export function formatMoney(locale: string, kopecks: number, options: { trimWhole?: boolean } = {}): string {
  const digits = options.trimWhole && kopecks % 100 === 0 ? 0 : 2;
  return rubFormat(locale, digits).format(kopecks / 100);
}

/** Same as `formatMoney` but split into parts, so the big balance can style the kopecks and the sign. */
export function formatMoneyParts(locale: string, kopecks: number): Intl.NumberFormatPart[] {
  return rubFormat(locale, 2).formatToParts(kopecks / 100);
}
