import { parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { bonusProblems } from './bonus-problems.ts';

/** A line a reward is for, and the points account it is paid from. */
export interface RedeemLine {
  id: string;
  account_id: string;
  kind: string;
  status: string;
  msisdn: string | null;
  ledger_account_id: string;
}

async function lineWhere(db: Db, column: 'l.id' | 'l.msisdn', value: string) {
  return db
    .selectFrom('lines as l')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .select(['l.id', 'l.account_id', 'l.kind', 'l.status', 'l.msisdn', 'a.ledger_account_id'])
    .where(column, '=', value)
    .executeTakeFirst();
}

/** The line of the route (already checked by the line guard); 404 if it vanished. */
export async function loadSourceLine(db: Db, lineId: string): Promise<RedeemLine> {
  const line = await lineWhere(db, 'l.id', lineId);
  if (!line) throw problems.notFound('line');
  return line;
}

/**
 * BONUS-02: whom a reward is for — the route's own line when `phone` is absent or blank, otherwise any number
 * of our network written in any common notation (a gift needs no access to that line). 400 `invalid_phone`,
 * 404 `unknown_number`, both naming `phone`.
 */
export async function resolveTargetLine(db: Db, source: RedeemLine, phone: string | undefined) {
  if (phone === undefined || phone.trim() === '') return source;
  const parsed = parsePhone(phone);
  if (!parsed.ok) throw bonusProblems.invalidPhone();
  if (parsed.msisdn === source.msisdn) return source;
  const line = await lineWhere(db, 'l.msisdn', parsed.msisdn);
  if (!line) throw bonusProblems.unknownNumber();
  return line;
}
