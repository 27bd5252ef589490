import {
  balanceScreen,
  type ChargeLine,
  chargesScreen,
  isFinalScreen,
  type MenuScreen,
  menuScreen,
  packagesScreen,
  presentBucket,
  tariffScreen,
  toWallClock,
  type UssdLang,
  type UssdReply,
} from '@kabinet/core';
import type { UssdContext } from './handle-ussd.ts';
import { promisedSummary } from './promised-step.ts';
import { loadCurrentPackages, loadLastCharges, type UssdSubscriber } from './subscriber-query.ts';

/** The screen of the `*105#` menu the dialogue arrived at, with the data it shows. */
export async function menuStep(
  ctx: UssdContext,
  subscriber: UssdSubscriber,
  screen: MenuScreen,
  invalid: boolean,
  lang: UssdLang,
): Promise<UssdReply> {
  switch (screen) {
    case 'menu':
      return menuScreen(lang, invalid);
    case 'balance':
      return balanceScreen(lang, subscriber.balance, subscriber.creditLimit);
    case 'promised_payment':
      return promisedSummary(ctx, subscriber, lang);
    case 'tariff':
      return tariffScreen(lang, {
        name: lang === 'en' ? subscriber.tariffNameEn : subscriber.tariffNameRu,
        fee: subscriber.tariffFee,
        period: subscriber.tariffFeePeriod,
      });
    case 'packages': {
      const rows = await loadCurrentPackages(ctx.db, subscriber.lineId, ctx.now());
      return packagesScreen(
        lang,
        rows.map((row) => {
          const shown = presentBucket(row.kind, row);
          return {
            name: lang === 'en' ? row.name_en : row.name_ru,
            remaining: shown.remaining,
            unit: shown.unit,
          };
        }),
      );
    }
    case 'last_charges': {
      const reply = chargesScreen(lang, await charges(ctx, subscriber), true);
      return { ...reply, end: isFinalScreen(screen) };
    }
  }
}

/** The newest charges as the screen lists them: day and time in the operator's zone. */
export async function charges(ctx: UssdContext, subscriber: UssdSubscriber): Promise<ChargeLine[]> {
  const rows = await loadLastCharges(ctx.db, subscriber.ledgerAccountId);
  return rows.map((row) => {
    const wall = toWallClock(row.created_at, ctx.timeZone);
    const two = (n: number) => String(n).padStart(2, '0');
    return {
      at: `${two(wall.day)}.${two(wall.month)} ${two(wall.hour)}:${two(wall.minute)}`,
      amount: row.amount,
    };
  });
}
