import {
  type BalanceRules,
  balanceRulesFrom,
  type InactivityRules,
  inactivityRulesFrom,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/** The operator's balance and inactivity rules (table `charging_rules`), defaults where none are stored. */
export async function loadChargingRules(
  db: Db,
): Promise<{ balance: BalanceRules; inactivity: InactivityRules }> {
  const rows = await db.selectFrom('charging_rules').select(['key', 'rules']).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.rules]));
  return {
    balance: balanceRulesFrom(byKey.get('balance')),
    inactivity: inactivityRulesFrom(byKey.get('inactivity')),
  };
}

/** Stores one rules document (snake_case fields as in docs/jobs.md); used by tests and operators' scripts. */
export async function saveChargingRules(
  db: Db,
  key: 'balance' | 'inactivity',
  rules: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('charging_rules')
    .values({ key, rules: JSON.stringify(rules) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ rules: JSON.stringify(rules), updated_at: sql`now()` }),
    )
    .execute();
}
