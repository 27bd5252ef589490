import { toWallClock } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { recordOptionOn } from '../history/record-period.ts';
import { nextFeeAfter, openBuckets } from '../plans/buckets.ts';
import { loadTemplates } from '../plans/catalog-query.ts';
import { chargeFee } from '../plans/charge-fee.ts';
import type { LockedLine } from '../plans/line-lock.ts';
import type { OptionRow } from './option-query.ts';

export interface AttachOption {
  line: LockedLine;
  option: OptionRow;
  /** Ledger idempotency key of the connection fee. */
  feeKey: string;
  now: Date;
  timeZone: string;
}

/**
 * Puts a checked option on a line under its lock: charges the connection fee (402 if the account cannot pay),
 * connects it with its next periodic fee a period from now, opens its packages for the current period and starts
 * its history period (SVC-10). Shared by SVC-02 connect and the SVC-10 revert; the caller records the request.
 */
export async function attachOption(trx: Db, input: AttachOption): Promise<void> {
  const { line, option } = input;
  await chargeFee(trx, {
    line,
    fee: option.connect_fee,
    kind: 'option_connect',
    idempotencyKey: input.feeKey,
    description: `Option ${option.code} connected`,
    at: input.now,
  });
  // A monthly option's fee falls on the day of the month it was connected.
  const anchorDay = toWallClock(input.now, input.timeZone).day;
  const nextFee = nextFeeAfter(input.now, option.fee_period, anchorDay, input.timeZone);
  await recordOptionOn(trx, line.id, option.id, input.now);
  await trx
    .insertInto('line_options')
    .values({ line_id: line.id, option_id: option.id, connected_at: input.now, next_fee_at: nextFee })
    .execute();
  await openBuckets(trx, {
    lineId: line.id,
    templates: await loadTemplates(trx, 'option_id', [option.id]),
    start: input.now,
    feeEnd: nextFee,
    anchorDay,
    timeZone: input.timeZone,
  });
}
