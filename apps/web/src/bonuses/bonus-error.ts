import { ApiError } from '../api/api-client';
import { errorMessage } from '../i18n/error-message';
import type { Dictionary } from '../i18n/ru';

/** A failed redemption in the user's language: the bonus codes first, then the app-wide wording. */
export function bonusErrorMessage(t: Dictionary, error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(t, error);
  const b = t.bonuses.errors;
  switch (error.code) {
    case 'not_enough_points':
      return b.not_enough_points(t.bonuses.points(error.numberField('missingPoints') ?? 0));
    case 'reward_unavailable':
      return b.reward_unavailable;
    case 'reward_out_of_stock':
      return b.reward_out_of_stock;
    case 'unknown_number':
      return b.unknown_number;
    case 'line_not_eligible':
      return b.line_not_eligible;
  }
  return errorMessage(t, error);
}
