import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';

/** The billing account behind a line, as the statements need it. */
export interface StatementAccount {
  lineId: string;
  accountId: string;
  accountNumber: string;
  ledgerAccountId: string;
  paymentType: 'prepaid' | 'postpaid';
  creditLimit: bigint;
  balance: bigint;
  openedAt: Date;
}

/**
 * Loads the account of a line the caller was already checked to reach (`lineGuard`); 404 when the line is
 * gone. Statements are the account's: the balance, payments and invoices belong to it, not to one line.
 */
export async function loadStatementAccount(db: Db, lineId: string): Promise<StatementAccount> {
  const row = await db
    .selectFrom('lines as l')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select([
      'l.id as lineId',
      'a.id as accountId',
      'a.number as accountNumber',
      'a.ledger_account_id as ledgerAccountId',
      'a.payment_type as paymentType',
      'a.credit_limit as creditLimit',
      'la.balance as balance',
      'a.created_at as openedAt',
    ])
    .where('l.id', '=', lineId)
    .executeTakeFirst();
  if (!row) throw problems.notFound('line');
  return row;
}
