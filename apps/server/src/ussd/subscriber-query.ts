import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/** The line behind a number as the USSD application needs it, with the language its owner reads in. */
export interface UssdSubscriber {
  lineId: string;
  accountId: string;
  ledgerAccountId: string;
  msisdn: string;
  balance: bigint;
  creditLimit: bigint;
  tariffNameRu: string;
  tariffNameEn: string;
  tariffFee: bigint;
  tariffFeePeriod: 'day' | 'month';
  /** The owner's login (the newest live owner grant), if the subscriber ever logged in. */
  loginId: string | null;
  /** The owner's language: Russian unless the owner chose English. */
  locale: 'ru' | 'en';
}

/** One round trip: line, balance, tariff and the owner's login and language. Closed lines are not served. */
export async function findUssdSubscriber(db: Db, msisdn: string, now: Date): Promise<UssdSubscriber | null> {
  const row = await db
    .selectFrom('lines as l')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .innerJoin('tariffs as t', 't.id', 'l.tariff_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('grants as g')
          .innerJoin('logins as lg', 'lg.id', 'g.login_id')
          .select(['lg.id as login_id', 'lg.locale'])
          .whereRef('g.line_id', '=', 'l.id')
          .where('g.role', '=', 'owner')
          .where('g.revoked_at', 'is', null)
          .where((w) => w.or([w('g.expires_at', 'is', null), w('g.expires_at', '>', now)]))
          .orderBy('g.created_at', 'desc')
          .limit(1)
          .as('o'),
      (join) => join.onTrue(),
    )
    .select([
      'l.id as lineId',
      'a.id as accountId',
      'la.id as ledgerAccountId',
      'l.msisdn',
      'la.balance',
      'a.credit_limit as creditLimit',
      't.name_ru as tariffNameRu',
      't.name_en as tariffNameEn',
      't.fee as tariffFee',
      't.fee_period as tariffFeePeriod',
      'o.login_id as loginId',
      'o.locale',
    ])
    .where('l.msisdn', '=', msisdn)
    .where('l.status', '!=', 'closed')
    .orderBy(sql`l.activated_at`, 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row?.msisdn) return null;
  return { ...row, msisdn: row.msisdn, locale: row.locale === 'en' ? 'en' : 'ru' };
}

/** Packages of the current period with what is left (network units; the screen converts). */
export async function loadCurrentPackages(db: Db, lineId: string, now: Date) {
  return (
    db
      .selectFrom('buckets as b')
      .innerJoin('package_templates as p', 'p.id', 'b.package_template_id')
      .select(['b.kind', 'b.total', 'b.used', 'p.name_ru', 'p.name_en'])
      .where('b.line_id', '=', lineId)
      .where('b.period_start', '<=', now)
      .where((w) => w.or([w('b.period_end', 'is', null), w('b.period_end', '>', now)]))
      // Minutes, SMS, then data: the order the dashboard and tariff pages use.
      .orderBy(sql`array_position(array['voice','sms','data'], b.kind::text)`)
      .orderBy('p.name_ru')
      .execute()
  );
}

/** The newest money taken from the account (ledger transfers debiting it), newest first. */
export async function loadLastCharges(db: Db, ledgerAccountId: string, limit = 5) {
  return db
    .selectFrom('ledger_transfers')
    .select(['amount', 'created_at', 'kind'])
    .where('debit_account_id', '=', ledgerAccountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
