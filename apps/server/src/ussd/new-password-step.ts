import { newPasswordScreen, refusalScreen, type UssdLang, type UssdReply, walkConfirm } from '@kabinet/core';
import { issueNewPassword } from '../sms-commands/new-password.ts';
import type { UssdContext } from './handle-ussd.ts';
import type { UssdSubscriber } from './subscriber-query.ts';

/** `*110*9#`: asks first; "1" issues the password (SMS), signs the login's sessions out and wakes the outbox. */
export async function newPasswordStep(
  ctx: UssdContext,
  subscriber: UssdSubscriber,
  choices: readonly string[],
  lang: UssdLang,
  journal: (screen: string) => Promise<void>,
): Promise<UssdReply> {
  const step = walkConfirm(choices);
  if (step === 'ask' || step === 'ask_again') {
    await journal('new_password_ask');
    return newPasswordScreen(lang, step);
  }
  if (step === 'no') {
    await journal('new_password_cancelled');
    return newPasswordScreen(lang, 'cancelled');
  }
  const now = ctx.now();
  const outcome = await issueNewPassword(ctx.db, { msisdn: subscriber.msisdn, channel: 'ussd', lang, now });
  if (outcome.status === 'too_soon') return refusalScreen(lang, 'unavailable');
  if (outcome.status === 'unknown_number') return refusalScreen(lang, 'unknown_number');
  await ctx.sessions.revokeOthers(outcome.loginId, null, now);
  void ctx.outbox.kick();
  return newPasswordScreen(lang, 'sent');
}
