import type { ChangeResult, ChangeWhen } from '../api/catalog-types';
import { formatDate } from '../format/dates';
import { formatMoney } from '../format/money';
import type { Dictionary } from '../i18n/ru';

/** What the tariffs page says after a change or re-configuration went through, with the balance after it. */
export function changeDoneMessage(
  t: Dictionary,
  input: {
    result: ChangeResult;
    when: ChangeWhen;
    name: string;
    reconfigure: boolean;
    nextFeeAt: string | null;
  },
): string {
  const { result, when, name } = input;
  const nextAt = result.request.effectiveAt ?? input.nextFeeAt;
  const date = nextAt ? formatDate(t.locale, nextAt) : '';
  const message = input.reconfigure
    ? when === 'now'
      ? t.tariffTools.reconfigured(name)
      : t.tariffTools.reconfigureScheduled(date)
    : when === 'now'
      ? t.tariffs.changed(name)
      : t.tariffs.scheduled(name, date);
  const balance =
    typeof result.balance === 'number'
      ? ` ${t.tariffs.balanceAfter(formatMoney(t.locale, result.balance))}`
      : '';
  return `${message}${balance}`;
}
