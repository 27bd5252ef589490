import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { transferProblems } from './transfer-problems.ts';

export interface SenderLine {
  lineId: string;
  msisdn: string;
  accountId: string;
  ledgerAccountId: string;
  balance: bigint;
}

/**
 * The line money is sent from (PAY-06): a live prepaid mobile line with a number. 404 for a missing line; 409
 * `not_prepaid` or `line_not_active` otherwise. The balance read here is for the screen; the move re-reads it
 * under lock.
 */
export async function loadSenderLine(db: Db, lineId: string): Promise<SenderLine> {
  const line = await db
    .selectFrom('lines as l')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select(['l.id', 'l.msisdn', 'l.kind', 'l.status', 'a.id as account_id', 'a.payment_type'])
    .select(['a.ledger_account_id', 'la.balance'])
    .where('l.id', '=', lineId)
    .executeTakeFirst();
  if (!line || line.status === 'closed' || line.kind !== 'mobile' || !line.msisdn)
    throw problems.notFound('line');
  if (line.payment_type !== 'prepaid') throw transferProblems.notPrepaid();
  if (line.status !== 'active') throw transferProblems.lineNotActive();
  return {
    lineId: line.id,
    msisdn: line.msisdn,
    accountId: line.account_id,
    ledgerAccountId: line.ledger_account_id,
    balance: line.balance,
  };
}
