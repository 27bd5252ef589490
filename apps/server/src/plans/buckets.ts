import { newId, nextMonthlyCharge, startOfNextDay } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import type { TemplateRow } from './catalog-query.ts';

/** The next fee of a product after `start`: midnight for daily fees, the anchor day for monthly ones. */
export function nextFeeAfter(
  start: Date,
  feePeriod: 'day' | 'month' | null,
  anchorDay: number,
  timeZone: string,
): Date | null {
  if (feePeriod === 'day') return startOfNextDay(start, timeZone);
  if (feePeriod === 'month') return nextMonthlyCharge(start, anchorDay, timeZone);
  return null;
}

export interface OpenBuckets {
  lineId: string;
  templates: TemplateRow[];
  start: Date;
  /** End of a `fee_period` package: the product's next fee (null for a product without a periodic fee). */
  feeEnd: Date | null;
  anchorDay: number;
  timeZone: string;
}

/**
 * Opens a fresh bucket per template for the period that starts at `start`; one already opened at that instant
 * (a change back and forth within a second) is refilled instead.
 */
export async function openBuckets(trx: Db, input: OpenBuckets): Promise<void> {
  if (input.templates.length === 0) return;
  const endOf = (t: TemplateRow): Date | null => {
    if (t.renew === 'fee_period') return input.feeEnd;
    if (t.renew === 'once') return null;
    return nextFeeAfter(input.start, t.renew, input.anchorDay, input.timeZone);
  };
  await trx
    .insertInto('buckets')
    .values(
      input.templates.map((t) => ({
        id: newId('bucket', input.start),
        line_id: input.lineId,
        package_template_id: t.id,
        kind: t.kind,
        total: t.amount,
        used: 0n,
        period_start: input.start,
        period_end: endOf(t),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['line_id', 'package_template_id', 'period_start']).doUpdateSet({
        total: sql`excluded.total`,
        used: 0n,
        period_end: sql`excluded.period_end`,
      }),
    )
    .execute();
}

/**
 * Ends the line's current buckets of a tariff's (or an option's) packages at `at`. What was used stays on record;
 * `removeUnused` deletes the ones nothing was taken from (a disconnected option leaves no empty rows).
 */
export async function closeBuckets(
  trx: Db,
  input: {
    lineId: string;
    owner: 'tariff_id' | 'option_id';
    ownerId?: string;
    at: Date;
    removeUnused?: boolean;
  },
): Promise<void> {
  const templates = trx
    .selectFrom('package_templates')
    .select('id')
    .where(input.owner, input.ownerId ? '=' : 'is not', input.ownerId ?? null);
  const current = trx
    .selectFrom('buckets')
    .select('id')
    .where('line_id', '=', input.lineId)
    .where('package_template_id', 'in', templates)
    .where((eb) => eb.or([eb('period_end', 'is', null), eb('period_end', '>', input.at)]));
  if (input.removeUnused) {
    await trx.deleteFrom('buckets').where('id', 'in', current).where('used', '=', 0n).execute();
  }
  await trx
    .updateTable('buckets')
    .set({ period_end: sql`GREATEST(period_start, ${input.at}::timestamptz)` })
    .where('id', 'in', current)
    .execute();
}
