import type { Dictionary } from '../i18n/ru';

export type PackageUnit = 'min' | 'sms' | 'mb';

/** A package amount ready to print: the number already localised, the unit as a dictionary key. */
export interface Quantity {
  value: string;
  unit: keyof Dictionary['units'];
}

const MB_PER_GB = 1024;

/**
 * Data comes in megabytes; from 1024 MB on it is shown in gigabytes with at most one decimal ("3,2 ГБ",
 * "20 ГБ"). Minutes and SMS are whole numbers.
 */
export function toQuantity(locale: string, amount: number, unit: PackageUnit): Quantity {
  if (unit === 'mb' && Math.abs(amount) >= MB_PER_GB) {
    return { value: formatNumber(locale, amount / MB_PER_GB, 1), unit: 'gb' };
  }
  return { value: formatNumber(locale, amount, 0), unit };
}

function formatNumber(locale: string, value: number, maximumFractionDigits: number): string {
  // 'min2': "1500 мин" rather than "1 500 мин" — Russian typography leaves four-digit numbers whole.
  return new Intl.NumberFormat(locale, { maximumFractionDigits, useGrouping: 'min2' }).format(value);
}

/**
 * "312 из 500 мин" style pair: the unit is written once when both sides share it, and on both sides when
 * they differ ("512 МБ из 20 ГБ"). Returns the two halves for the dictionary's `remainingOf` to join.
 */
export function quantityPair(
  units: Dictionary['units'],
  part: Quantity,
  whole: Quantity,
): { part: string; whole: string } {
  const wholeText = `${whole.value} ${units[whole.unit]}`;
  const partText = part.unit === whole.unit ? part.value : `${part.value} ${units[part.unit]}`;
  return { part: partText, whole: wholeText };
}
