import {
  type ConfigurableChoice,
  chosenAmount,
  newId,
  nextMonthlyCharge,
  startOfNextDay,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import type { TemplateRow } from './catalog-query.ts';
import { validChoice } from './tariff-price.ts';

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
 * The templates with the amounts a line's choice gives them (PLAN-05): on a configurable tariff the first
 * package of each kind (a `fee_period` one if there is one) takes the chosen amount, any other of that kind
 * none; a template left with nothing opens no bucket.
 */
export function sizeTemplates(
  templates: readonly TemplateRow[],
  choices: ReadonlyMap<string, ConfigurableChoice>,
): TemplateRow[] {
  const sized = new Set<string>();
  const ordered = [...templates].sort(
    (a, b) => Number(b.renew === 'fee_period') - Number(a.renew === 'fee_period'),
  );
  const amounts = new Map<string, bigint>();
  for (const t of ordered) {
    const choice = t.tariff_id ? choices.get(t.tariff_id) : undefined;
    if (!choice) continue;
    const key = `${t.tariff_id}|${t.kind}`;
    amounts.set(t.id, sized.has(key) ? 0n : chosenAmount(choice, t.kind));
    sized.add(key);
  }
  return templates
    .map((t) => (amounts.has(t.id) ? { ...t, amount: amounts.get(t.id) ?? 0n } : t))
    .filter((t) => t.amount > 0n);
}

/** The line's choices on the configurable tariffs among `templates`, by tariff id. */
async function choicesFor(trx: Db, lineId: string, templates: readonly TemplateRow[]) {
  const tariffIds = [...new Set(templates.flatMap((t) => (t.tariff_id ? [t.tariff_id] : [])))];
  const map = new Map<string, ConfigurableChoice>();
  if (tariffIds.length === 0) return map;
  const rows = await trx
    .selectFrom('line_tariff_choices as c')
    .innerJoin('tariffs as t', 't.id', 'c.tariff_id')
    .select(['c.tariff_id', 'c.minutes', 'c.gigabytes', 'c.messages', 't.rates'])
    .where('c.line_id', '=', lineId)
    .where('c.tariff_id', 'in', tariffIds)
    .execute();
  for (const { tariff_id, rates, ...choice } of rows) {
    // A choice the steps no longer price leaves the tariff's own packages (docs/decisions/0009).
    if (validChoice(rates, choice)) map.set(tariff_id, choice);
  }
  return map;
}

/**
 * Opens a fresh bucket per template for the period that starts at `start`; one already opened at that instant
 * (a change back and forth within a second) is refilled instead. A configurable tariff's buckets are sized by
 * the line's stored choice, so every caller (a change, the periodic renewal) opens what the subscriber chose.
 */
export async function openBuckets(trx: Db, input: OpenBuckets): Promise<void> {
  if (input.templates.length === 0) return;
  const templates = sizeTemplates(input.templates, await choicesFor(trx, input.lineId, input.templates));
  if (templates.length === 0) return;
  const endOf = (t: TemplateRow): Date | null => {
    if (t.renew === 'fee_period') return input.feeEnd;
    if (t.renew === 'once') return null;
    return nextFeeAfter(input.start, t.renew, input.anchorDay, input.timeZone);
  };
  await trx
    .insertInto('buckets')
    .values(
      templates.map((t) => ({
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

/**
 * PLAN-05 re-configuring now: the line's current buckets of the tariff take the newly chosen totals (what was
 * used stays used, so a bigger choice adds the difference and a smaller one may leave nothing), and a kind
 * chosen for the first time opens a bucket until the period's end. Call after the new choice is saved.
 */
export async function resizeBuckets(trx: Db, input: OpenBuckets): Promise<void> {
  const choices = await choicesFor(trx, input.lineId, input.templates);
  const sized = new Map(sizeTemplates(input.templates, choices).map((t) => [t.id, t.amount]));
  const missing: TemplateRow[] = [];
  for (const t of input.templates) {
    const total = sized.get(t.id) ?? 0n;
    const updated = await trx
      .updateTable('buckets')
      .set({ total })
      .where('line_id', '=', input.lineId)
      .where('package_template_id', '=', t.id)
      .where('period_start', '<=', input.start)
      .where((eb) => eb.or([eb('period_end', 'is', null), eb('period_end', '>', input.start)]))
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n && total > 0n) missing.push(t);
  }
  await openBuckets(trx, { ...input, templates: missing });
}
