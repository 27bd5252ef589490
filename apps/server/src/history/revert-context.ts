import { createHash } from 'node:crypto';
import {
  isCalendarDate,
  planRevert,
  type RevertOption,
  type RevertPlan,
  type RevertTariff,
  stateAt,
  stateInstantOf,
  transitionFeeOf,
} from '@kabinet/core';
import type { Db, LineKind } from '@kabinet/db';
import { historyProblems } from './errors.ts';
import { loadOptionsById, loadPeriods, loadTariffsById } from './history-query.ts';

/** Names of the tariffs and options a plan mentions, by id. */
export type NameIndex = Map<
  string,
  { code: string; name: { ru: string; en: string }; fee?: bigint; feePeriod?: 'day' | 'month' | null }
>;

export interface RevertContext {
  date: string;
  /** The instant whose state is brought back. */
  at: Date;
  plan: RevertPlan;
  names: NameIndex;
  /** Content subscriptions among the options to disconnect (they end as an unsubscribe, SVC-03). */
  contentIds: Set<string>;
  /** A digest of the plan: the confirmation sends it back, so what runs is what was shown. */
  fingerprint: string;
}

/**
 * SVC-10: the plan to bring the line back to how it was on `date`: the state at that day's end from the
 * history, against the line's current tariff and options as they are now, with today's catalog. 400 on `date`
 * for a future day or a day before the line existed.
 */
export async function buildRevert(
  db: Db,
  input: { lineId: string; lineKind: LineKind; date: string; now: Date; timeZone: string },
): Promise<RevertContext> {
  if (!isCalendarDate(input.date)) throw historyProblems.invalidDate();
  const at = stateInstantOf(input.date, input.now, input.timeZone);
  if (!at) throw historyProblems.inFuture();
  const past = stateAt(await loadPeriods(db, input.lineId), at);
  if (!past.tariffId) throw historyProblems.beforeHistory();
  const line = await db
    .selectFrom('lines')
    .select('tariff_id')
    .where('id', '=', input.lineId)
    .executeTakeFirstOrThrow();
  const connected = await db
    .selectFrom('line_options')
    .select('option_id')
    .where('line_id', '=', input.lineId)
    .execute();
  const current = { tariffId: line.tariff_id, optionIds: connected.map((o) => o.option_id).sort() };
  const tariffRows = await loadTariffsById(db, [...new Set([past.tariffId, line.tariff_id])]);
  const optionRows = await loadOptionsById(db, [...new Set([...past.optionIds, ...current.optionIds])]);
  const tariffs = new Map<string, RevertTariff>(
    tariffRows.map((t) => [
      t.id,
      {
        id: t.id,
        code: t.code,
        offered: t.archived_at === null && t.is_public && t.line_kind === input.lineKind,
        transitionFee: transitionFeeOf(t.rates),
      },
    ]),
  );
  const options = new Map<string, RevertOption>(
    optionRows.map((o) => [
      o.id,
      {
        id: o.id,
        code: o.code,
        requiresTariffs: o.requires_tariffs,
        excludesOptions: o.excludes_options,
        archived: o.archived_at !== null,
        content: o.category === 'content',
        connectFee: o.connect_fee,
      },
    ]),
  );
  const plan = planRevert({ past, current, tariffs, options });
  const names: NameIndex = new Map(
    [...tariffRows, ...optionRows].map((r) => [
      r.id,
      { code: r.code, name: { ru: r.name_ru, en: r.name_en }, fee: r.fee, feePeriod: r.fee_period },
    ]),
  );
  return {
    date: input.date,
    at,
    plan,
    names,
    contentIds: new Set(optionRows.filter((o) => o.category === 'content').map((o) => o.id)),
    fingerprint: fingerprintOf(input.date, plan),
  };
}

function fingerprintOf(date: string, plan: RevertPlan): string {
  const json = JSON.stringify({ date, plan }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(json).digest('hex').slice(0, 32);
}
