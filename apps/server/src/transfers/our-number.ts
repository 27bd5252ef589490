import { parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';

/** One of our mobile lines found by its number, with what moving money to or from it needs. */
export interface OurLine {
  lineId: string;
  msisdn: string;
  status: string;
  accountId: string;
  ledgerAccountId: string;
  paymentType: 'prepaid' | 'postpaid';
}

/**
 * PAY-02/03/06: a number typed in any notation (`8 912 …`, `+7(912)…`, `9123456789`) → our live mobile line.
 * A field error names `field` for junk (`invalid_phone`) and for a number that is not ours or is closed
 * (`unknown_number`): top-ups and transfers only reach numbers the operator serves.
 */
export async function findOurNumber(db: Db, text: string, field = 'phone'): Promise<OurLine> {
  const parsed = parsePhone(text);
  if (!parsed.ok) {
    throw problems.field(field, 'invalid_phone', 'Enter a phone number, e.g. +7 912 345-67-89.');
  }
  const line = await db
    .selectFrom('lines as l')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .select(['l.id', 'l.msisdn', 'l.status', 'a.id as account_id', 'a.ledger_account_id', 'a.payment_type'])
    .where('l.msisdn', '=', parsed.msisdn)
    .where('l.kind', '=', 'mobile')
    .where('l.status', '!=', 'closed')
    .executeTakeFirst();
  if (!line?.msisdn) {
    throw problems.field(field, 'unknown_number', 'This number is not served by us (or is closed).');
  }
  return {
    lineId: line.id,
    msisdn: line.msisdn,
    status: line.status,
    accountId: line.account_id,
    ledgerAccountId: line.ledger_account_id,
    paymentType: line.payment_type,
  };
}

/** The cached balance of a billing account's ledger account, kopecks. */
export async function accountBalance(db: Db, accountId: string): Promise<bigint> {
  const row = await db
    .selectFrom('billing_accounts as a')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select('la.balance')
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}
