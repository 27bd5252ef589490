import { issueNewPassword, NEW_PASSWORD_COOLDOWN_SECONDS } from './new-password.ts';
import type { SmsCommand } from './registry.ts';

export const NEW_PASSWORD_NUMBER = '000110';

/** CHAN-04: an empty SMS to 000110 → a new Kabinet password by SMS (the same command as USSD `*110*9#`). */
export const newPasswordCommand: SmsCommand = {
  name: 'new_password',
  to: NEW_PASSWORD_NUMBER,
  text: /^$/,
  help: () => ({
    ru: `Чтобы получить новый пароль от Кабинета, отправьте пустое SMS на ${NEW_PASSWORD_NUMBER}.`,
    en: `To get a new Kabinet password, send an empty SMS to ${NEW_PASSWORD_NUMBER}.`,
  }),
  async handle(ctx, _sms, sender) {
    const now = ctx.now();
    const outcome = await issueNewPassword(ctx.db, {
      msisdn: sender.msisdn,
      channel: 'sms',
      lang: sender.lang,
      now,
    });
    if (outcome.status === 'sent') {
      await ctx.sessions.revokeOthers(outcome.loginId, null, now);
      // The password itself is the reply (queued by issueNewPassword as a sensitive message).
      return { outcome: 'ok' };
    }
    return {
      outcome: 'failed',
      details: { reason: outcome.status },
      reply: {
        ru: `Новый пароль можно запрашивать не чаще раза в ${NEW_PASSWORD_COOLDOWN_SECONDS} секунд. Попробуйте чуть позже.`,
        en: `A new password can be requested once per ${NEW_PASSWORD_COOLDOWN_SECONDS} seconds. Please try a bit later.`,
      },
    };
  },
};
