import type { Db } from '@kabinet/db';

/**
 * ACCESS-07 over USSD. When a session opens while the number's login prompt waits (pending, within its 20 s),
 * the first screen is that prompt and the session is remembered as a prompt session; the next step's choice is
 * the answer. Only such a session can answer: a "1" typed in the `*105#` menu never confirms a login.
 */
export async function openPromptSession(
  db: Db,
  input: { sessionId: string; msisdn: string; now: Date },
): Promise<boolean> {
  const prompt = await db
    .selectFrom('phone_confirmations')
    .select(['id', 'status', 'expires_at'])
    .where('msisdn', '=', input.msisdn)
    .where('line_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (prompt?.status !== 'pending' || prompt.expires_at.getTime() <= input.now.getTime()) return false;
  // A prompt session outlives its 20 s prompt by nothing useful: drop old ones as new ones come.
  await db
    .deleteFrom('ussd_prompt_sessions')
    .where('started_at', '<', new Date(input.now.getTime() - 3600_000))
    .execute();
  const inserted = await db
    .insertInto('ussd_prompt_sessions')
    .values({
      session_id: input.sessionId,
      msisdn: input.msisdn,
      prompt_id: prompt.id,
      started_at: input.now,
    })
    .onConflict((oc) => oc.column('session_id').doNothing())
    .returning('session_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Whether this gateway session (for this number) opened with the login prompt. */
export async function isPromptSession(db: Db, sessionId: string, msisdn: string): Promise<boolean> {
  const row = await db
    .selectFrom('ussd_prompt_sessions')
    .select('session_id')
    .where('session_id', '=', sessionId)
    .where('msisdn', '=', msisdn)
    .executeTakeFirst();
  return row !== undefined;
}
