import type { Db, JournalChannel } from '@kabinet/db';
import { recordJournal } from '../../journal/record.ts';
import { lockNumber } from './request-confirmation.ts';

export interface AnswerPromptInput {
  msisdn: string;
  /** What the phone answered: "1" confirms, anything else declines. */
  text: string;
  /** Where the answer came from: the USSD session (issue 7), an SMS reply, the virtual phone (`sms`). */
  channel: JournalChannel;
  now: Date;
}

export type PromptAnswer = { requestId: string; status: 'confirmed' | 'declined' | 'expired' };

/**
 * ACCESS-07: the phone's answer to its newest pending login prompt. "1" within 20 s confirms (the browser that
 * asked then collects the session); anything else declines; an answer after 20 s only marks the prompt expired.
 * Returns null when the number has no prompt waiting. Every channel that can carry the answer (the virtual phone
 * now, the USSD gateway in issue 7) calls this one command.
 */
export async function answerPhonePrompt(db: Db, input: AnswerPromptInput): Promise<PromptAnswer | null> {
  return db.transaction().execute(async (trx) => {
    await lockNumber(trx, input.msisdn);
    const prompt = await trx
      .selectFrom('phone_confirmations')
      .select(['id', 'line_id', 'expires_at'])
      .where('msisdn', '=', input.msisdn)
      .where('status', '=', 'pending')
      // Unknown numbers' requests were never prompted, so there is nothing for them to answer.
      .where('line_id', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!prompt) return null;
    const late = input.now.getTime() >= prompt.expires_at.getTime();
    const status = late ? 'expired' : input.text.trim() === '1' ? 'confirmed' : 'declined';
    await trx
      .updateTable('phone_confirmations')
      .set({ status, answered_at: input.now })
      .where('id', '=', prompt.id)
      .execute();
    await recordJournal(trx, {
      actorKind: 'subscriber',
      channel: input.channel,
      lineId: prompt.line_id,
      action: `auth.phone_confirm_${status}`,
      outcome: status === 'confirmed' ? 'ok' : 'failed',
      details: { requestId: prompt.id },
    });
    return { requestId: prompt.id, status };
  });
}

/**
 * Whether the number's newest prompt still waits for an answer (pending, within its 20 s): what the virtual
 * phone shows as a reply box on the newest flash message.
 */
export async function hasReplyablePrompt(db: Db, msisdn: string, now: Date): Promise<boolean> {
  const newest = await db
    .selectFrom('phone_confirmations')
    .select(['status', 'expires_at'])
    .where('msisdn', '=', msisdn)
    .where('line_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return newest?.status === 'pending' && newest.expires_at.getTime() > now.getTime();
}
