/**
 * RATE-03 renewal of packages that refill on their own calendar (`renew` = `day` or `month`), independent of any
 * fee: a daily package of a monthly tariff, a monthly package of a daily option. (Packages renewed with a fee are
 * opened by periodic-fees.ts together with their charge.) Each missed period opens once: the bucket's key (line,
 * template, period start) is unique, and an existing bucket is never refilled.
 */
import { duePeriods, newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

interface EndedBucket {
  line_id: string;
  package_template_id: string;
  kind: 'voice' | 'sms' | 'data';
  amount: bigint;
  renew: 'day' | 'month';
  last_end: Date;
  billing_anchor_day: number;
}

/** Opens the next buckets of calendar-renewed packages whose last bucket has ended; returns how many opened. */
export async function renewCalendarBuckets(db: Db, now: Date, timeZone: string): Promise<number> {
  // Only buckets ended within two months: a line idle longer than that has nothing to catch up but today.
  const { rows } = await sql<EndedBucket>`
    SELECT b.line_id, b.package_template_id, p.kind, p.amount, p.renew, b.period_end AS last_end,
      l.billing_anchor_day
    FROM buckets b
    JOIN package_templates p ON p.id = b.package_template_id
    JOIN lines l ON l.id = b.line_id
    WHERE p.renew IN ('day', 'month') AND l.status = 'active'
      AND b.period_end <= ${now} AND b.period_end > ${now}::timestamptz - interval '62 days'
      AND NOT EXISTS (SELECT 1 FROM buckets n WHERE n.line_id = b.line_id
        AND n.package_template_id = b.package_template_id AND n.period_start >= b.period_end)
      AND (p.tariff_id = l.tariff_id OR EXISTS (SELECT 1 FROM line_options lo
        WHERE lo.line_id = l.id AND lo.option_id = p.option_id))`.execute(db);
  let opened = 0;
  for (const b of rows) {
    const periods = duePeriods(b.last_end, now, b.renew, b.billing_anchor_day, timeZone);
    if (periods.length === 0) continue;
    const inserted = await db
      .insertInto('buckets')
      .values(
        periods.map((p) => ({
          id: newId('bucket', p.start),
          line_id: b.line_id,
          package_template_id: b.package_template_id,
          kind: b.kind,
          total: b.amount,
          used: 0n,
          period_start: p.start,
          period_end: p.end,
        })),
      )
      .onConflict((oc) => oc.columns(['line_id', 'package_template_id', 'period_start']).doNothing())
      .returning('id')
      .execute();
    opened += inserted.length;
  }
  return opened;
}
