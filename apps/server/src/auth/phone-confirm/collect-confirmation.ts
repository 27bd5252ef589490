import type { Db } from '@kabinet/db';
import { problems } from '../../http/problem.ts';
import { sameDigest } from '../secrets.ts';
import { registerPhoneLogin } from '../verify-code.ts';
import { PHONE_CONFIRM_POLICY } from './policy.ts';

/** What the asking browser sees while it polls. */
export type ConfirmationStatus = 'pending' | 'confirmed' | 'declined' | 'expired';

export type CollectResult =
  | { status: ConfirmationStatus; login: null }
  /** Confirmed, and this browser is the one that asked: open the session for this login (done once). */
  | { status: 'confirmed'; login: { loginId: string; lineId: string } };

/**
 * ACCESS-07: the state of a confirmation request, for the browser polling it. When the phone has confirmed and
 * the poll carries the asking browser's nonce, the request is spent (`used`, one guarded statement, so only one
 * poll wins) and the login to open a session for is returned — registering the number's login on its first use,
 * as a code login does. Any other browser, even one that knows the request id, only ever sees the status. A
 * confirmation not collected within a minute after the answer window ends is not honoured.
 */
export async function collectConfirmation(
  db: Db,
  input: { requestId: string; bindingHash: Buffer | null; now: Date },
): Promise<CollectResult> {
  const row = await db
    .selectFrom('phone_confirmations')
    .select(['id', 'msisdn', 'line_id', 'binding_hash', 'status', 'expires_at'])
    .where('id', '=', input.requestId)
    .executeTakeFirst();
  if (!row) throw problems.notFound('confirmation request');
  const now = input.now.getTime();
  const expired = now >= row.expires_at.getTime();
  switch (row.status) {
    case 'pending':
      return { status: expired ? 'expired' : 'pending', login: null };
    case 'declined':
    case 'expired':
      return { status: row.status, login: null };
    case 'used':
      return { status: 'confirmed', login: null };
    case 'confirmed':
      break;
  }
  const ours = input.bindingHash !== null && sameDigest(row.binding_hash, input.bindingHash);
  const collectable = now < row.expires_at.getTime() + PHONE_CONFIRM_POLICY.collectGraceSeconds * 1000;
  if (!ours || !collectable || !row.line_id) return { status: 'confirmed', login: null };
  const lineId = row.line_id;
  const login = await db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('phone_confirmations')
      .set({ status: 'used' })
      .where('id', '=', row.id)
      .where('status', '=', 'confirmed')
      .returning('id')
      .executeTakeFirst();
    if (!spent) return null;
    const line = await trx
      .selectFrom('lines')
      .select(['id', 'account_id'])
      .where('id', '=', lineId)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    if (!line) return null;
    const existing = await trx
      .selectFrom('logins')
      .select('id')
      .where('kind', '=', 'phone')
      .where('identifier', '=', row.msisdn)
      .executeTakeFirst();
    const found = existing ?? (await registerPhoneLogin(trx, row.msisdn, line, input.now));
    return { loginId: found.id, lineId: line.id };
  });
  return login ? { status: 'confirmed', login } : { status: 'confirmed', login: null };
}
