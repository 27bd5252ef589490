import { fromDisplayUnits, newId } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';

let counter = 0;

/** A unique mobile number per call: +7 900 … so factories never collide within one database. */
export function uniqueMsisdn(): string {
  counter += 1;
  return `+7900${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`;
}

/** A monthly tariff with 500 minutes, 100 SMS and 20 GB. */
export async function buildTariff(db: Db, overrides: { fee?: bigint; code?: string } = {}) {
  const id = newId('tariff');
  await db
    .insertInto('tariffs')
    .values({
      id,
      code: overrides.code ?? `test-${id}`,
      name_ru: 'Тестовый',
      name_en: 'Test plan',
      fee: overrides.fee ?? 450_00n,
      fee_period: 'month',
      rates: JSON.stringify({ voice_out_per_min: 250 }),
    })
    .execute();
  const packages = [
    { kind: 'voice' as const, amount: fromDisplayUnits('voice', 500), name_ru: 'Минуты', name_en: 'Minutes' },
    { kind: 'sms' as const, amount: fromDisplayUnits('sms', 100), name_ru: 'SMS', name_en: 'SMS' },
    {
      kind: 'data' as const,
      amount: fromDisplayUnits('data', 20 * 1024),
      name_ru: 'Интернет',
      name_en: 'Internet',
    },
  ];
  const templates = packages.map((p) => ({
    id: newId('package'),
    tariff_id: id,
    renew: 'fee_period' as const,
    ...p,
  }));
  await db.insertInto('package_templates').values(templates).execute();
  return { id, templates };
}

export interface SubscriberOptions {
  balance?: bigint;
  msisdn?: string;
  name?: string;
  status?: 'active' | 'blocked';
  /** Create the login and owner grant (a subscriber who has logged in before). */
  withLogin?: boolean;
  now?: Date;
}

/**
 * A person with an account, a mobile line on a fresh tariff with current buckets, and a balance put there by a
 * real ledger transfer (a cash top-up), like `buildLine({ balance: 500_00 })` in Outline's factories.
 */
export async function buildSubscriber(db: Db, options: SubscriberOptions = {}) {
  const now = options.now ?? new Date();
  const accounts = OPERATOR_ACCOUNT_IDS;
  const tariff = await buildTariff(db);
  const customerId = newId('customer');
  const accountId = newId('account');
  const ledgerId = newId('ledgerAccount');
  const lineId = newId('line');
  const msisdn = options.msisdn ?? uniqueMsisdn();
  const name = options.name ?? 'Иван Петров';
  await db.insertInto('customers').values({ id: customerId, kind: 'person', display_name: name }).execute();
  await db
    .insertInto('ledger_accounts')
    .values({ id: ledgerId, code: `subscriber:${accountId}`, kind: 'subscriber', name })
    .execute();
  await db
    .insertInto('billing_accounts')
    .values({
      id: accountId,
      customer_id: customerId,
      number: `4100${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      payment_type: 'prepaid',
      ledger_account_id: ledgerId,
    })
    .execute();
  const periodEnd = new Date(now.getTime() + 20 * 86_400_000);
  await db
    .insertInto('lines')
    .values({
      id: lineId,
      account_id: accountId,
      kind: 'mobile',
      msisdn,
      tariff_id: tariff.id,
      status: options.status ?? 'active',
      next_fee_at: periodEnd,
    })
    .execute();
  await db
    .insertInto('buckets')
    .values(
      tariff.templates.map((t) => ({
        id: newId('bucket'),
        line_id: lineId,
        package_template_id: t.id,
        kind: t.kind,
        total: t.amount,
        used: t.amount / 4n,
        period_start: new Date(now.getTime() - 10 * 86_400_000),
        period_end: periodEnd,
      })),
    )
    .execute();
  const balance = options.balance ?? 0n;
  if (balance !== 0n) {
    await db.transaction().execute((trx) =>
      postTransfer(trx, {
        debitAccountId: balance > 0n ? accounts.cash : ledgerId,
        creditAccountId: balance > 0n ? ledgerId : accounts.revenueFees,
        amount: balance > 0n ? balance : -balance,
        kind: balance > 0n ? 'topup' : 'fee',
      }),
    );
  }
  let loginId: string | null = null;
  if (options.withLogin) {
    loginId = newId('login');
    await db
      .insertInto('logins')
      .values({ id: loginId, kind: 'phone', identifier: msisdn, display_name: name, customer_id: customerId })
      .execute();
    await db
      .insertInto('grants')
      .values({ id: newId('grant'), login_id: loginId, line_id: lineId, role: 'owner', access: 'full' })
      .execute();
  }
  return {
    customerId,
    accountId,
    ledgerAccountId: ledgerId,
    lineId,
    msisdn,
    tariffId: tariff.id,
    loginId,
    name,
  };
}
