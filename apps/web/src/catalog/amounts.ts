import type { FeePeriod, PackageUnit } from '../api/catalog-types';
import { formatMoney } from '../format/money';
import { toQuantity } from '../format/units';
import type { Dictionary } from '../i18n/ru';

/** "500 мин", "30 ГБ", "100 SMS". */
export function amountText(t: Dictionary, amount: number, unit: PackageUnit): string {
  const q = toQuantity(t.locale, amount, unit);
  return `${q.value}\u00a0${t.units[q.unit]}`;
}

/** A price: whole roubles without kopecks ("550 ₽"), otherwise with them ("1,50 ₽"). */
export function price(t: Dictionary, kopecks: number): string {
  return formatMoney(t.locale, kopecks, { trimWhole: true });
}

/** "550 ₽ / мес"; null when there is no recurring fee. */
export function periodicFee(t: Dictionary, fee: number, period: FeePeriod | null): string | null {
  if (!period || fee === 0) return null;
  return t.services.periodicFee[period](price(t, fee));
}
