import { fundsShortfall } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { changeProblems } from './errors.ts';
import type { LockedLine } from './line-lock.ts';

export interface FeeCharge {
  line: LockedLine;
  /** Kopecks; 0 charges nothing (and needs no money). */
  fee: bigint;
  /** Ledger kind: `tariff_change`, `option_connect`. */
  kind: string;
  /** Unique per intended action (derived from the request's Idempotency-Key or the request id). */
  idempotencyKey: string;
  description: string;
  at: Date;
}

/**
 * Charges a one-off fee under the line's lock: refuses with 402 when balance + credit limit do not cover it,
 * else debits the subscriber and credits `revenue:fees` (a replayed key moves nothing).
 */
export async function chargeFee(trx: Db, charge: FeeCharge): Promise<void> {
  const shortfall = fundsShortfall({
    balance: charge.line.balance,
    creditLimit: charge.line.credit_limit,
    fee: charge.fee,
  });
  if (shortfall) throw changeProblems.insufficientFunds(shortfall);
  if (charge.fee <= 0n) return;
  const accounts = OPERATOR_ACCOUNT_IDS;
  await postTransfer(trx, {
    debitAccountId: charge.line.ledger_account_id,
    creditAccountId: accounts.revenueFees,
    amount: charge.fee,
    kind: charge.kind,
    idempotencyKey: charge.idempotencyKey,
    lineId: charge.line.id,
    description: charge.description,
    at: charge.at,
  });
}
