import { newId } from '@kabinet/core';
import type { AccessLevel, Db } from '@kabinet/db';
import { hashPassword } from '../auth/password-hash.ts';
import { createSession, type LoginMethod } from '../auth/sessions.ts';
import { buildSubscriber } from './factories.ts';
import type { TestApp } from './harness.ts';
import { TestClient } from './http-client.ts';

let contracts = 0;

/**
 * A home-internet customer (ACCESS-10): a line known by its contract number, and a `contract` login holding it
 * with the password the installer issued (and optionally a recovery phone).
 */
export async function buildContractCustomer(
  db: Db,
  options: { password?: string; recoveryPhone?: string | null; balance?: bigint } = {},
) {
  const sub = await buildSubscriber(db, { balance: options.balance ?? 0n });
  contracts += 1;
  const contractNumber = `HI-${process.pid % 10000}-${String(contracts).padStart(4, '0')}`;
  await db
    .updateTable('lines')
    .set({ kind: 'home_internet', msisdn: null, contract_number: contractNumber })
    .where('id', '=', sub.lineId)
    .execute();
  const loginId = newId('login');
  await db
    .insertInto('logins')
    .values({
      id: loginId,
      kind: 'contract',
      identifier: contractNumber,
      display_name: sub.name,
      customer_id: sub.customerId,
      password_hash: options.password ? await hashPassword(options.password) : null,
      recovery_phone: options.recoveryPhone ?? null,
    })
    .execute();
  await db
    .insertInto('grants')
    .values({ id: newId('grant'), login_id: loginId, line_id: sub.lineId, role: 'owner', access: 'full' })
    .execute();
  return { ...sub, contractNumber, loginId };
}

/** A client holding a session made directly in the database (e.g. a partial automatic-login session). */
export async function clientWithSession(
  t: TestApp,
  loginId: string,
  options: { access?: AccessLevel; method?: LoginMethod } = {},
) {
  const session = await createSession(t.db, {
    loginId,
    access: options.access ?? 'full',
    method: options.method ?? 'sms_code',
    persistent: true,
    ip: '127.0.0.1',
    userAgent: 'vitest',
    now: t.clock.now,
  });
  const client = new TestClient(t);
  client.setCookie('kabinet_sid', session.token);
  return { client, sessionId: session.id };
}

/** The SMS bodies the virtual phone received, newest first. */
export async function inbox(t: TestApp, msisdn: string): Promise<string[]> {
  await t.ctx.outbox.kick();
  await t.ctx.outbox.kick();
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/dev/phones/${encodeURIComponent(msisdn)}/messages`,
  });
  return res.json<{ messages: Array<{ body: string }> }>().messages.map((m) => m.body);
}

/** A prepaid subscriber who has logged in, with a client holding a full session of theirs. */
export async function subscriberWithClient(t: TestApp, balance = 0n) {
  const sub = await buildSubscriber(t.db, { balance, withLogin: true });
  const { client } = await clientWithSession(t, sub.loginId as string);
  return { ...sub, client };
}

/** The cached balance of a ledger account, kopecks. */
/** How many ledger transfers credited a payment (its key is `payment:<id>`): one, however often it was notified. */
export async function paymentTransferCount(t: TestApp, paymentId: string): Promise<number> {
  const rows = await t.db
    .selectFrom('ledger_transfers')
    .select('id')
    .where('idempotency_key', '=', `payment:${paymentId}`)
    .execute();
  return rows.length;
}

export async function ledgerBalance(t: TestApp, ledgerAccountId: string): Promise<bigint> {
  const row = await t.db
    .selectFrom('ledger_accounts')
    .select('balance')
    .where('id', '=', ledgerAccountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}
