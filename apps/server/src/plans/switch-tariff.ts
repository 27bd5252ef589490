import type { ConfigurableChoice } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { recordTariffOn } from '../history/record-period.ts';
import { removeOption } from '../services/remove-option.ts';
import { closeBuckets, nextFeeAfter, openBuckets } from './buckets.ts';
import { loadTemplates, type TariffRow } from './catalog-query.ts';
import type { LockedLine } from './line-lock.ts';
import { saveChoice } from './tariff-price.ts';

export interface SwitchTariff {
  line: LockedLine;
  target: TariffRow;
  /** When the new tariff starts: now, or the period boundary a planned change waited for. */
  start: Date;
  /**
   * Whether to move the line's next fee date: an immediate change keeps it unless the fee period changes; a
   * planned change leaves it to the periodic fee job, which charges the new fee at the boundary.
   */
  moveNextFee: boolean;
  timeZone: string;
  /** On a configurable tariff, the amounts chosen (PLAN-05) and the request that chose them; null otherwise. */
  choice: { amounts: ConfigurableChoice; requestId: string } | null;
}

/** A connected option's name and the tariffs it needs (empty: any). */
export interface BoundOption {
  id: string;
  code: string;
  name_ru: string;
  name_en: string;
  requires_tariffs: string[];
}

/** The options connected to a line, with the tariffs each needs. */
export async function loadBoundOptions(db: Db, lineId: string): Promise<BoundOption[]> {
  return db
    .selectFrom('line_options')
    .innerJoin('options', 'options.id', 'line_options.option_id')
    .select(['options.id', 'options.code', 'options.name_ru', 'options.name_en', 'options.requires_tariffs'])
    .where('line_options.line_id', '=', lineId)
    .orderBy('options.code')
    .execute();
}

/** Of the connected options, those that need a tariff other than `tariffCode` (they go when it comes). */
export function optionsLostOn(connected: BoundOption[], tariffCode: string): BoundOption[] {
  return connected.filter((o) => o.requires_tariffs.length > 0 && !o.requires_tariffs.includes(tariffCode));
}

/**
 * Puts the line on `target` from `start`: the old tariff's current buckets end there (what was used stays on
 * record), the new tariff's packages open for the period from `start` to its next fee (sized by the choice on a
 * configurable tariff, which is stored for the line), and options that need
 * another tariff are disconnected with their packages. Returns the codes of those options.
 */
export async function switchTariff(trx: Db, input: SwitchTariff): Promise<string[]> {
  const { line, target, start } = input;
  const keepsFeeDate =
    line.next_fee_at !== null &&
    line.next_fee_at.getTime() > start.getTime() &&
    line.tariff_fee_period === target.fee_period;
  const feeEnd = keepsFeeDate
    ? line.next_fee_at
    : nextFeeAfter(start, target.fee_period, line.billing_anchor_day, input.timeZone);
  // SVC-10: the history period of the old tariff ends and the new one's starts (before `lines` changes).
  await recordTariffOn(trx, line.id, target.id, start);
  await trx
    .updateTable('lines')
    .set(input.moveNextFee ? { tariff_id: target.id, next_fee_at: feeEnd } : { tariff_id: target.id })
    .where('id', '=', line.id)
    .execute();
  await closeBuckets(trx, { lineId: line.id, owner: 'tariff_id', at: start });
  if (input.choice) {
    await saveChoice(trx, {
      lineId: line.id,
      tariffId: target.id,
      choice: input.choice.amounts,
      requestId: input.choice.requestId,
      at: start,
    });
  }
  await openBuckets(trx, {
    lineId: line.id,
    templates: await loadTemplates(trx, 'tariff_id', [target.id]),
    start,
    feeEnd,
    anchorDay: line.billing_anchor_day,
    timeZone: input.timeZone,
  });
  const lost = optionsLostOn(await loadBoundOptions(trx, line.id), target.code);
  for (const o of lost) await removeOption(trx, line.id, o.id, start);
  return lost.map((o) => o.code);
}
