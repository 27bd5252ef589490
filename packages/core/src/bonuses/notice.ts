/**
 * BONUS-02 notification texts. A redemption is told as a `charges` event (points are spent; the subscriber's
 * channel choice for spending applies) with `notice: 'bonus_redeemed'`, and a reward given to another number
 * as `top_ups` with `notice: 'bonus_gift'` (something arrived). `render.ts` calls `renderBonusNotice` for them.
 */

export const BONUS_NOTICES = ['bonus_redeemed', 'bonus_gift'] as const;
export type BonusNotice = (typeof BONUS_NOTICES)[number];

export const isBonusNotice = (value: unknown): value is BonusNotice =>
  typeof value === 'string' && (BONUS_NOTICES as readonly string[]).includes(value);

type Params = Record<string, string | number>;

const text = (p: Params, key: string) => (p[key] === undefined ? '' : String(p[key]));

/**
 * The title and body of a bonus notice. Params: `points` (spent), `reward_ru` / `reward_en` (reward name),
 * `number` (the other number, formatted; empty for one's own).
 */
export function renderBonusNotice(
  notice: BonusNotice,
  p: Params,
  locale: 'ru' | 'en',
): { title: string; body: string } {
  const reward = text(p, locale === 'ru' ? 'reward_ru' : 'reward_en');
  const number = text(p, 'number');
  if (notice === 'bonus_gift') {
    return locale === 'ru'
      ? { title: 'Подарок за бонусы', body: `Вам подарили «${reward}» за бонусные баллы.` }
      : { title: 'A bonus gift', body: `You were given “${reward}” for bonus points.` };
  }
  return locale === 'ru'
    ? {
        title: 'Бонусы',
        body: `Списано ${text(p, 'points')} баллов: «${reward}»${number ? ` для номера ${number}` : ''}.`,
      }
    : {
        title: 'Bonuses',
        body: `${text(p, 'points')} points spent: “${reward}”${number ? ` for ${number}` : ''}.`,
      };
}
