/**
 * One pass of the charging jobs (RATE-03, RATE-04, PLAN-06, PLAN-07), in the order that keeps them right:
 * planned tariff changes first (the new tariff's fee is charged at the boundary), then periodic fees and package
 * renewals (a period that began during a suspension is skipped, so they run before the resumption), then
 * suspensions (day fees, automatic resumption), the balance rules for every account touched plus
 * those whose grace ended, and the inactivity rules. Every step is idempotent, so running the pass again, after
 * a crash or on several workers at once, charges nothing twice (docs/jobs.md).
 */
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { applyDueTariffChanges } from '../plans/apply-due-tariff-changes.ts';
import { applyBalanceRules, applyEndedGraces } from './balance-rules.ts';
import { renewCalendarBuckets } from './bucket-renewal.ts';
import { inactivityCandidates, runInactivity } from './inactivity-job.ts';
import { chargeLineFees, linesWithDueFees } from './periodic-fees.ts';
import { loadChargingRules } from './rules-store.ts';
import { runSuspension, suspendedLines } from './suspension-job.ts';

export interface ChargingPassOptions {
  now: Date;
  timeZone: string;
  /** Run the inactivity rules in this pass (the worker does it once an hour; they count days). */
  inactivity?: boolean;
  /** Lines charged per batch query (the pass loops until nothing is due). */
  batch?: number;
}

/** What one pass did, for logs and tests. */
export interface ChargingPassSummary {
  tariffChanges: { applied: number; rejected: number };
  feesCharged: number;
  periodsRecorded: number;
  /** Buckets of calendar-renewed packages opened. */
  bucketsRenewed: number;
  suspensionDays: number;
  resumed: number;
  blocked: number;
  unblocked: number;
  inactivityLines: number;
}

/** Runs one pass of every charging job at `now`. */
export async function runChargingPass(db: Db, options: ChargingPassOptions): Promise<ChargingPassSummary> {
  const { now, timeZone } = options;
  const touched = new Set<string>();
  const summary: ChargingPassSummary = {
    tariffChanges: { applied: 0, rejected: 0 },
    feesCharged: 0,
    periodsRecorded: 0,
    bucketsRenewed: 0,
    suspensionDays: 0,
    resumed: 0,
    blocked: 0,
    unblocked: 0,
    inactivityLines: 0,
  };
  await recorded(db, 'tariff_changes', async () => {
    const changes = await applyDueTariffChanges(db, now, timeZone);
    summary.tariffChanges = { applied: changes.applied.length, rejected: changes.rejected.length };
  });
  await recorded(db, 'periodic_fees', async () => {
    const batch = options.batch ?? 200;
    const seen = new Set<string>();
    for (;;) {
      // Lines another worker holds stay due until it commits: `seen` keeps this pass from spinning on them.
      const due = (await linesWithDueFees(db, now, batch + seen.size)).filter((id) => !seen.has(id));
      if (due.length === 0) break;
      for (const lineId of due) {
        seen.add(lineId);
        const r = await chargeLineFees(db, lineId, now, timeZone);
        summary.feesCharged += r.charged;
        summary.periodsRecorded += r.recorded;
        if (r.accountId && r.charged > 0) touched.add(r.accountId);
      }
    }
  });
  await recorded(db, 'bucket_renewals', async () => {
    summary.bucketsRenewed = await renewCalendarBuckets(db, now, timeZone);
  });
  await recorded(db, 'suspensions', async () => {
    for (const lineId of await suspendedLines(db)) {
      const r = await runSuspension(db, lineId, now, timeZone);
      summary.suspensionDays += r.charged;
      if (r.resumed) summary.resumed += 1;
      if (r.accountId && r.charged > 0) touched.add(r.accountId);
    }
  });
  await recorded(db, 'balance_rules', async () => {
    const rules = await applyBalanceRules(db, [...touched], now, { timeZone });
    const graces = await applyEndedGraces(db, now, timeZone);
    summary.blocked = rules.blocked.length + graces.blocked.length;
    summary.unblocked = rules.unblocked.length + graces.unblocked.length;
  });
  if (options.inactivity ?? true) {
    await recorded(db, 'inactivity', async () => {
      const rules = (await loadChargingRules(db)).inactivity;
      const accounts = new Set<string>();
      for (const lineId of await inactivityCandidates(db, now, timeZone, rules)) {
        const r = await runInactivity(db, lineId, now, timeZone, rules);
        if (r.warned.length > 0 || r.feeDays > 0 || r.unblocked || r.plan?.block || r.plan?.close)
          summary.inactivityLines += 1;
        if (r.feeDays > 0) {
          const row = await db
            .selectFrom('lines')
            .select('account_id')
            .where('id', '=', lineId)
            .executeTakeFirst();
          if (row) accounts.add(row.account_id);
        }
      }
      await applyBalanceRules(db, [...accounts], now, { timeZone });
    });
  }
  return summary;
}

/** Runs one job of the pass and notes it in `job_runs` (start, end, last error); a failure is rethrown. */
async function recorded(db: Db, job: string, work: () => Promise<void>): Promise<void> {
  await sql`
    INSERT INTO job_runs (job, last_started_at, runs) VALUES (${job}, now(), 1)
    ON CONFLICT (job) DO UPDATE SET last_started_at = now(), runs = job_runs.runs + 1`.execute(db);
  try {
    await work();
    await sql`UPDATE job_runs SET last_finished_at = now(), last_error = NULL WHERE job = ${job}`.execute(db);
  } catch (err) {
    await sql`UPDATE job_runs SET last_error = ${String((err as Error).message ?? err).slice(0, 500)} WHERE job = ${job}`.execute(
      db,
    );
    throw err;
  }
}
