import type { Reward } from '../api/bonus-api';
import { amountText, price } from '../catalog/amounts';
import type { Dictionary } from '../i18n/ru';

/** What a reward gives, in a few words: "100 мин на 30 дней", "100 ₽ на счёт", "Партнёр: Кинопарк". */
export function rewardGives(t: Dictionary, reward: Reward): string {
  if (reward.package)
    return `${amountText(t, reward.package.amount, reward.package.unit)} ${t.bonuses.validFor(reward.package.validDays)}`;
  if (reward.credit !== null) return t.bonuses.toBalance(price(t, reward.credit));
  return t.bonuses.partner(reward.partner ?? '');
}
