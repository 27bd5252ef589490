import type { Db } from '@kabinet/db';

export interface TopUpFacts {
  accountId: string;
  lineId: string | null;
  paymentId: string;
  source: string;
  amount: bigint;
  at: Date;
}

/**
 * BONUS-01: points for a top-up, by the configured rules, in the crediting transaction (called by
 * creditPayment). PLACEHOLDER of the issue 6 groundwork: the bonus slice (E) implements it.
 */
export async function accrueTopUpPoints(_trx: Db, _facts: TopUpFacts): Promise<void> {}
