import { ApiError } from '../api/api-client';
import type { Incompatibility } from '../api/catalog-types';
import { errorMessage } from '../i18n/error-message';
import type { Lang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';
import { price } from './amounts';

/** The `incompatibility` member of a 409 `incompatible`, if it is shaped as the contract says. */
export function problemIncompatibility(error: ApiError): Incompatibility | null {
  const value = error.problem.incompatibility;
  if (typeof value !== 'object' || value === null) return null;
  const code = (value as { code?: unknown }).code;
  return code === 'requires_tariff' || code === 'excludes_option' ? (value as Incompatibility) : null;
}

/** "Тариф А, Тариф Б" from the names an incompatibility lists. */
export function incompatibilityText(t: Dictionary, lang: Lang, value: Incompatibility): string {
  const names = (list?: Array<{ name: { ru: string; en: string } }>) =>
    (list ?? []).map((item) => `«${item.name[lang]}»`).join(', ');
  if (value.code === 'requires_tariff' && value.tariffs?.length)
    return t.services.requiresTariff(names(value.tariffs));
  if (value.code === 'excludes_option' && value.options?.length)
    return t.services.excludesOption(names(value.options));
  return t.actionsCommon.incompatible;
}

/**
 * A failed tariff or service change in the user's language: the catalog's own codes first (with the amounts
 * and names the problem carries), then the app-wide wording.
 */
export function changeErrorMessage(t: Dictionary, lang: Lang, error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(t, error);
  const c = t.actionsCommon;
  switch (error.code) {
    case 'insufficient_funds': {
      const required = error.numberField('required');
      const available = error.numberField('available');
      if (required === undefined || available === undefined) return c.insufficientFundsNoAmounts;
      return c.insufficientFunds(price(t, required), price(t, available));
    }
    case 'incompatible': {
      const value = problemIncompatibility(error);
      return value ? incompatibilityText(t, lang, value) : c.incompatible;
    }
    case 'same_tariff':
      return c.sameTariff;
    case 'already_connected':
      return c.alreadyConnected;
    case 'not_connected':
      return c.notConnected;
    case 'idempotency_conflict':
      return c.idempotencyConflict;
    case 'no_billing_period':
      return c.noBillingPeriod;
    case 'not_found':
      return c.notOffered;
    default:
      return errorMessage(t, error);
  }
}
