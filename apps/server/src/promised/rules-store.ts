import { type PromisedRules, promisedRulesFrom } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/** The operator's promised-payment rules (table `promised_payment_settings`), defaults where none are stored. */
export async function loadPromisedRules(db: Db): Promise<PromisedRules> {
  const row = await db.selectFrom('promised_payment_settings').select('rules').executeTakeFirst();
  return promisedRulesFrom(row?.rules);
}

/** Stores the rules document (snake_case fields as in docs/promised-payment.md); for tests and operators' scripts. */
export async function savePromisedRules(db: Db, rules: Record<string, unknown>): Promise<void> {
  const json = JSON.stringify(rules);
  await db
    .insertInto('promised_payment_settings')
    .values({ id: true, rules: json })
    .onConflict((oc) => oc.column('id').doUpdateSet({ rules: json, updated_at: sql`now()` }))
    .execute();
}
