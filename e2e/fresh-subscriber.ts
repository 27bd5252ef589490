import { newId } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { buildTariff } from '../apps/server/src/test/factories.ts';

/** What a journey needs of its own subscriber; every field has the common default. */
export interface FreshSubscriberOptions {
  /**
   * Code of a seeded tariff to put the line on (the catalogue's prices apply); by default the first public
   * mobile tariff by code. `null`: a tariff of its own, hidden from the catalogue, so no other journey sees it
   * on offer (the tariff journeys change it).
   */
  tariffCode?: string | null;
  /** Kopecks put on the account by a real ledger top-up; none by default. */
  balance?: bigint;
  /** A login by the number with an owner grant (a subscriber who has logged in before); otherwise the first code
   * login registers the owner, as for any new subscriber. */
  withLogin?: boolean;
  activatedDaysAgo?: number;
  name?: string;
}

export interface FreshSubscriber {
  msisdn: string;
  lineId: string;
  accountId: string;
  tariffId: string;
  loginId: string | null;
}

const DAY = 86_400_000;

/**
 * The one way a browser journey gets a subscriber (SVC-09, SVC-10 and the channel, tariff and charging
 * journeys): a person, an account and an active mobile line with current buckets, made for that journey alone.
 * The number is random in a range the seed does not use and `lines.msisdn` is unique, so two journeys can never
 * share a line, whatever the order or the number of workers — unlike the seed's spare numbers, which slots
 * counted from either end of one list could hand out twice.
 */
export async function freshSubscriber(
  db: Db,
  options: FreshSubscriberOptions = {},
): Promise<FreshSubscriber> {
  const tariffId = await tariffFor(db, options.tariffCode);
  const name = options.name ?? 'Анна Смирнова';
  for (let attempt = 0; ; attempt += 1) {
    const msisdn = `+79990${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    try {
      return await insertSubscriber(db, { ...options, msisdn, name, tariffId });
    } catch (error) {
      // Another journey drew the same number first: draw again (the unique number is what keeps them apart).
      if (attempt < 5 && String(error).includes('lines_msisdn_key')) continue;
      throw error;
    }
  }
}

async function tariffFor(db: Db, code: string | null | undefined): Promise<string> {
  if (code === null) {
    const own = await buildTariff(db);
    await db.updateTable('tariffs').set({ is_public: false }).where('id', '=', own.id).execute();
    return own.id;
  }
  let query = db.selectFrom('tariffs').select('id').where('line_kind', '=', 'mobile');
  query = code
    ? query.where('code', '=', code)
    : query.where('is_public', '=', true).where('archived_at', 'is', null);
  return (await query.orderBy('code').executeTakeFirstOrThrow()).id;
}

type Insert = FreshSubscriberOptions & { msisdn: string; name: string; tariffId: string };

async function insertSubscriber(db: Db, s: Insert): Promise<FreshSubscriber> {
  const now = Date.now();
  const customerId = newId('customer');
  const accountId = newId('account');
  const ledgerId = newId('ledgerAccount');
  const lineId = newId('line');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('customers')
      .values({ id: customerId, kind: 'person', display_name: s.name })
      .execute();
    await trx
      .insertInto('ledger_accounts')
      .values({ id: ledgerId, code: `subscriber:${accountId}`, kind: 'subscriber', name: s.name })
      .execute();
    await trx
      .insertInto('billing_accounts')
      .values({
        id: accountId,
        customer_id: customerId,
        number: `4199${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        payment_type: 'prepaid',
        ledger_account_id: ledgerId,
      })
      .execute();
    const periodEnd = new Date(now + 20 * DAY);
    await trx
      .insertInto('lines')
      .values({
        id: lineId,
        account_id: accountId,
        kind: 'mobile',
        msisdn: s.msisdn,
        tariff_id: s.tariffId,
        activated_at: new Date(now - (s.activatedDaysAgo ?? 60) * DAY),
        next_fee_at: periodEnd,
      })
      .execute();
    const templates = await trx
      .selectFrom('package_templates')
      .select(['id', 'kind', 'amount'])
      .where('tariff_id', '=', s.tariffId)
      .execute();
    if (templates.length > 0) {
      await trx
        .insertInto('buckets')
        .values(
          templates.map((t) => ({
            id: newId('bucket'),
            line_id: lineId,
            package_template_id: t.id,
            kind: t.kind,
            total: t.amount,
            used: 0n,
            period_start: new Date(now - 10 * DAY),
            period_end: periodEnd,
          })),
        )
        .execute();
    }
    if (s.balance) {
      const accounts = OPERATOR_ACCOUNT_IDS;
      await postTransfer(trx, {
        debitAccountId: accounts.cash,
        creditAccountId: ledgerId,
        amount: s.balance,
        kind: 'topup',
      });
    }
  });
  let loginId: string | null = null;
  if (s.withLogin) {
    loginId = newId('login');
    await db
      .insertInto('logins')
      .values({
        id: loginId,
        kind: 'phone',
        identifier: s.msisdn,
        display_name: s.name,
        customer_id: customerId,
      })
      .execute();
    await db
      .insertInto('grants')
      .values({ id: newId('grant'), login_id: loginId, line_id: lineId, role: 'owner', access: 'full' })
      .execute();
  }
  return { msisdn: s.msisdn, lineId, accountId, tariffId: s.tariffId, loginId };
}
