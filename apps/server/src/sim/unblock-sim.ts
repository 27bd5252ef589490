import { randomInt } from 'node:crypto';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { CODE_POLICY } from '../auth/policy.ts';
import { hmac, sameDigest } from '../auth/secrets.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { recordLineChange } from '../requests/record-line-change.ts';
import { type Actor, journalChange } from '../services/option-journal.ts';
import { lockSimLine, type SimLine } from './sim-line.ts';
import { unblockProblems } from './unblock-errors.ts';
import { loadUnblockSettings, maskPhone, unblockContactOf } from './unblock-settings.ts';

/** The code is bound to its purpose and line: a login code for the same digits would not match. */
function digest(secret: string, lineId: string, code: string): Buffer {
  return hmac(secret, 'sim_unblock', lineId, code);
}

function assertLostBlock(line: SimLine) {
  if (line.status !== 'blocked' || (line.block_reason !== 'lost' && line.block_reason !== 'stolen'))
    throw unblockProblems.notLostBlocked();
}

export interface SendCodeInput extends Actor {
  secret: string;
  now: Date;
}

/**
 * SVC-09: sends a one-time unblock code to the subscriber's other contact, under the line's lock: only for a
 * line blocked as lost or stolen, only when the operator allows self-service (409 `office_only`), only to a
 * recovery phone other than the number (409 `no_contact`), at most `codesPerDay` a day (429
 * `too_many_codes`). A new code closes the previous one. 6 digits from a CSPRNG, stored as an HMAC.
 */
export async function sendUnblockCode(trx: Db, input: SendCodeInput) {
  const line = await lockSimLine(trx, input.lineId);
  assertLostBlock(line);
  const settings = await loadUnblockSettings(trx);
  if (settings.mode !== 'self_service') throw unblockProblems.officeOnly();
  const contact = await unblockContactOf(trx, input.loginId, line.msisdn);
  if (!contact) throw unblockProblems.noContact();
  const dayAgo = new Date(input.now.getTime() - 86_400_000);
  const sent = await trx
    .selectFrom('sim_unblock_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('line_id', '=', line.id)
    .where('created_at', '>', dayAgo)
    .executeTakeFirstOrThrow();
  if (sent.n >= settings.codesPerDay) throw unblockProblems.tooManyCodes();
  await trx
    .updateTable('sim_unblock_codes')
    .set({ closed_at: input.now })
    .where('line_id', '=', line.id)
    .where('closed_at', 'is', null)
    .execute();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(input.now.getTime() + settings.codeTtlSeconds * 1000);
  await trx
    .insertInto('sim_unblock_codes')
    .values({
      line_id: line.id,
      login_id: input.loginId,
      recipient: contact,
      code_hmac: digest(input.secret, line.id, code),
      created_at: input.now,
      expires_at: expiresAt,
    })
    .execute();
  await enqueueMessage(trx, {
    channel: 'sms',
    recipient: contact,
    sender: CODE_POLICY.smsSender,
    kind: 'sim.unblock_code',
    sensitive: true,
    body: `Код для разблокировки номера ${line.msisdn ?? ''}: ${code}. Никому его не сообщайте. / SIM unblock code: ${code}`,
  });
  await journalChange(trx, input, 'sim.unblock_code_sent', { to: maskPhone(contact) });
  return {
    sentTo: maskPhone(contact),
    expiresAt: expiresAt.toISOString(),
    attemptsLeft: settings.maxAttempts,
  };
}

export interface UnblockInput extends Actor {
  secret: string;
  code: string;
  now: Date;
}

/** What checking a code decided; a refusal is thrown after the transaction commits its attempt count. */
export type UnblockOutcome =
  | { ok: true; request: Awaited<ReturnType<typeof recordLineChange>> }
  | { ok: false; reason: 'no_code' | 'expired' | 'invalid' | 'burnt'; attemptsLeft: number };

/**
 * SVC-09: checks the unblock code and, when it matches, lifts the lost/stolen block under the line's lock: the
 * line `active` again, its blocked cards active, a done `sim_unblock` request and `sim.unblocked` journaled.
 * Every wrong attempt is counted; at `maxAttempts` the code is burnt and a new one must be asked for.
 */
export async function unblockWithCode(trx: Db, input: UnblockInput): Promise<UnblockOutcome> {
  const line = await lockSimLine(trx, input.lineId);
  assertLostBlock(line);
  const settings = await loadUnblockSettings(trx);
  if (settings.mode !== 'self_service') throw unblockProblems.officeOnly();
  const live = await trx
    .selectFrom('sim_unblock_codes')
    .select(['id', 'code_hmac', 'attempts', 'expires_at'])
    .where('line_id', '=', line.id)
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  // The digest is computed even without a code, so the answer takes the same time either way.
  const matches = live !== undefined && sameDigest(live.code_hmac, digest(input.secret, line.id, input.code));
  if (!live) return { ok: false, reason: 'no_code', attemptsLeft: 0 };
  if (live.expires_at.getTime() <= input.now.getTime()) {
    await trx
      .updateTable('sim_unblock_codes')
      .set({ closed_at: input.now })
      .where('id', '=', live.id)
      .execute();
    return { ok: false, reason: 'expired', attemptsLeft: 0 };
  }
  if (!matches) {
    const attempts = live.attempts + 1;
    const burnt = attempts >= settings.maxAttempts;
    await trx
      .updateTable('sim_unblock_codes')
      .set(burnt ? { attempts, closed_at: input.now } : { attempts })
      .where('id', '=', live.id)
      .execute();
    await journalChange(trx, input, 'sim.unblock_code_rejected', { attempts, burnt });
    return burnt
      ? { ok: false, reason: 'burnt', attemptsLeft: 0 }
      : { ok: false, reason: 'invalid', attemptsLeft: settings.maxAttempts - attempts };
  }
  await trx
    .updateTable('sim_unblock_codes')
    .set({ closed_at: input.now })
    .where('id', '=', live.id)
    .execute();
  await trx
    .updateTable('lines')
    .set({ status: 'active', block_reason: null, blocked_at: null })
    .where('id', '=', line.id)
    .execute();
  const cards = await trx
    .updateTable('sim_cards')
    .set({ status: 'active' })
    .where('line_id', '=', line.id)
    .where('status', '=', 'blocked')
    .returning('id')
    .execute();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'sim_unblock',
      statuses: ['accepted', 'done'],
      title: { ru: 'SIM-карта разблокирована по коду', en: 'SIM unblocked with a code' },
      action: 'sim.unblocked',
      details: { was: line.block_reason, cards: cards.map((c) => c.id), channel: 'self_service' },
    },
    input.now,
  );
  return { ok: true, request };
}
