import type { Db } from '@kabinet/db';

/**
 * Numbers of seeded subscribers other than the demo phones: active mobile lines whose owner logs in with that
 * very number. Each test that changes a login's state (password, lock, passkey, sessions) takes its own slot,
 * so the tests stay independent of each other and of their order. The global setup lists them once, before any
 * journey runs, so a journey that blocks or suspends its line does not shift the others.
 */
export async function spareNumbers(db: Db, exclude: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('lines as l')
    .innerJoin('grants as g', 'g.line_id', 'l.id')
    .innerJoin('logins as lg', 'lg.id', 'g.login_id')
    .select('l.msisdn')
    .where('l.kind', '=', 'mobile')
    .where('l.status', '=', 'active')
    .where('g.role', '=', 'owner')
    .where('g.revoked_at', 'is', null)
    .where('lg.kind', '=', 'phone')
    .whereRef('lg.identifier', '=', 'l.msisdn')
    .orderBy('l.msisdn')
    .execute();
  const numbers = rows.map((row) => row.msisdn).filter((msisdn): msisdn is string => msisdn !== null);
  return [...new Set(numbers)].filter((msisdn) => !exclude.includes(msisdn));
}

/** Which spare number each journey uses: one owner per test. */
export const SLOT = {
  passwordJourney: 0,
  lockout: 1,
  passkey: 2,
  phoneConfirm: 3,
  partialAccess: 4,
  journal: 5,
  sessions: 6,
  passwordReset: 7,
  passwordChange: 8,
  tariffChange: 9,
  optionConnect: 10,
  contentUnsubscribe: 11,
  requestsList: 12,
  partialServices: 13,
  callForwarding: 14,
  blacklist: 15,
  serviceBans: 16,
  esim: 17,
  lostSim: 18,
  partialSim: 19,
} as const;
