import type { Db } from '@kabinet/db';
import { registerPhoneLogin } from '../auth/verify-code.ts';
import { unsubscribeContent } from '../services/unsubscribe-content.ts';
import type { SmsCommand } from './registry.ts';

/** Whether a number is the short number of a content subscription in the catalog. */
async function isContentNumber(to: string, db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('options')
    .select('id')
    .where('category', '=', 'content')
    .where('short_number', '=', to)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * CHAN-04: "STOP" (or "СТОП") to a content subscription's short number ends the subscriptions of the line behind
 * that number, through the same command as the cabinet's unsubscribe button (SVC-03): a request and a journal
 * entry each. A sender without a login gets one, as on their first code login: the SMS came from their phone.
 */
export const stopContentCommand: SmsCommand = {
  name: 'content_stop',
  to: isContentNumber,
  text: /^(stop|стоп)$/i,
  help: (to) => ({
    ru: `Чтобы отписаться от подписки, отправьте STOP на ${to}.`,
    en: `To unsubscribe, send STOP to ${to}.`,
  }),
  async handle(ctx, sms, sender) {
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const options = await trx
        .selectFrom('line_options as lo')
        .innerJoin('options as o', 'o.id', 'lo.option_id')
        .select(['o.id', 'o.code', 'o.name_ru', 'o.name_en'])
        .where('lo.line_id', '=', sender.lineId)
        .where('o.category', '=', 'content')
        .where('o.short_number', '=', sms.to)
        .execute();
      if (options.length === 0) {
        return {
          outcome: 'failed' as const,
          details: { reason: 'not_connected', shortNumber: sms.to },
          reply: {
            ru: `У вас нет подписок на номере ${sms.to}. Все подписки — в Кабинете, раздел «Услуги».`,
            en: `You have no subscriptions on ${sms.to}. All subscriptions are in Kabinet, "Services".`,
          },
        };
      }
      const loginId =
        sender.loginId ??
        (
          await registerPhoneLogin(
            trx,
            sender.msisdn,
            { id: sender.lineId, account_id: sender.accountId },
            now,
          )
        ).id;
      for (const option of options) {
        await unsubscribeContent(trx, { lineId: sender.lineId, loginId, ip: null, optionId: option.id, now });
      }
      const names = options.map((o) => o.name_ru).join(', ');
      const namesEn = options.map((o) => o.name_en).join(', ');
      return {
        outcome: 'ok' as const,
        details: { shortNumber: sms.to, options: options.map((o) => o.code) },
        reply: { ru: `Подписка «${names}» отключена.`, en: `Subscription “${namesEn}” is off.` },
      };
    });
  },
};
