import { VOUCHER_RULES, voucherLock } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { voucherProblems } from './voucher-problems.ts';

export interface VoucherCaller {
  loginId: string;
  ip: string;
  now: Date;
}

/** Times of wrong codes of the last window, of this login and of this address (compared by PostgreSQL's inet). */
async function recentWrongCodes(trx: Db, caller: VoucherCaller) {
  const since = new Date(caller.now.getTime() - VOUCHER_RULES.windowSeconds * 1000);
  const times = (column: 'login_id' | 'ip', value: string) =>
    trx
      .selectFrom('voucher_attempts')
      .select('at')
      .where(column, '=', value)
      .where('at', '>', since)
      .execute()
      .then((rows) => rows.map((r) => r.at));
  return { byLogin: await times('login_id', caller.loginId), byAddress: await times('ip', caller.ip) };
}

/**
 * PAY-03 brute-force limit: 429 `voucher_locked` (with the seconds left) when this login or this address typed
 * too many wrong codes in the last hour; otherwise the attempts left. Runs under the caller's per-login lock.
 */
export async function assertVoucherUnlocked(trx: Db, caller: VoucherCaller): Promise<number> {
  const wrong = await recentWrongCodes(trx, caller);
  const { windowSeconds } = VOUCHER_RULES;
  const login = voucherLock(wrong.byLogin, VOUCHER_RULES.wrongCodesPerLogin, caller.now, windowSeconds);
  const address = voucherLock(wrong.byAddress, VOUCHER_RULES.wrongCodesPerAddress, caller.now, windowSeconds);
  if (login.locked || address.locked) {
    throw voucherProblems.locked(
      Math.max(login.locked ? login.retryAfterSeconds : 0, address.locked ? address.retryAfterSeconds : 0),
    );
  }
  return Math.min(login.attemptsLeft, address.attemptsLeft);
}

/** Counts one wrong code against the login and the address; returns the attempts left. */
export async function recordWrongVoucherCode(
  trx: Db,
  caller: VoucherCaller,
  attemptsLeft: number,
): Promise<number> {
  await trx
    .insertInto('voucher_attempts')
    .values({ login_id: caller.loginId, ip: caller.ip, at: caller.now })
    .execute();
  return attemptsLeft - 1;
}
