import { calendarDate, changesOf, type ServicePeriod, toSafeNumber } from '@kabinet/core';
import type { NameIndex, RevertContext } from './revert-context.ts';

type Named = { id: string; code: string; name: { ru: string; en: string } };

function named(names: NameIndex, id: string): Named {
  const n = names.get(id);
  return { id, code: n?.code ?? id, name: n?.name ?? { ru: id, en: id } };
}

/** The periodic fee a tariff or option brings back with it (kopecks per `feePeriod`). */
function periodic(names: NameIndex, id: string) {
  const n = names.get(id);
  return { periodicFee: toSafeNumber(n?.fee ?? 0n), feePeriod: n?.feePeriod ?? null };
}

function byCode(names: NameIndex, code: string) {
  for (const n of names.values()) if (n.code === code) return n;
  return { code, name: { ru: code, en: code } };
}

/**
 * SVC-10: the history list, newest first. A tariff's end and its successor's start at one instant read as one
 * `tariff_changed` entry; the line's first tariff as `tariff_started`.
 */
export function presentHistory(periods: ServicePeriod[], names: NameIndex, now: Date, timeZone: string) {
  const changes = changesOf(periods);
  const entries: Array<{
    at: string;
    type: 'tariff_started' | 'tariff_changed' | 'option_connected' | 'option_disconnected';
    item: Named;
    previous: Named | null;
  }> = [];
  const paired = new Set<number>();
  changes.forEach((c, i) => {
    if (paired.has(i)) return;
    const at = c.at.toISOString();
    if (c.kind === 'option') {
      const type = c.change === 'on' ? 'option_connected' : 'option_disconnected';
      entries.push({ at, type, item: named(names, c.itemId), previous: null });
      return;
    }
    if (c.change === 'off') return;
    // The tariff it replaced ended at the same instant (option changes of that instant may sort between).
    const j = changes.findIndex(
      (o, k) =>
        !paired.has(k) && o.kind === 'tariff' && o.change === 'off' && o.at.getTime() === c.at.getTime(),
    );
    const replaced = j >= 0 ? changes[j] : undefined;
    if (replaced) paired.add(j);
    entries.push({
      at,
      type: replaced ? 'tariff_changed' : 'tariff_started',
      item: named(names, c.itemId),
      previous: replaced ? named(names, replaced.itemId) : null,
    });
  });
  const first = periods.reduce<Date | null>((min, p) => (min && min <= p.from ? min : p.from), null);
  return {
    changes: entries,
    since: first ? calendarDate(first, timeZone) : calendarDate(now, timeZone),
    today: calendarDate(now, timeZone),
  };
}

/** SVC-10: the revert plan for the confirmation: every change with names and every fee. */
export function presentPlan(ctx: RevertContext, balance: bigint) {
  const { plan, names } = ctx;
  return {
    date: ctx.date,
    at: ctx.at.toISOString(),
    tariff: plan.tariff
      ? {
          from: named(names, plan.tariff.fromId),
          to: named(names, plan.tariff.toId),
          fee: toSafeNumber(plan.tariff.fee),
          ...periodic(names, plan.tariff.toId),
        }
      : null,
    connect: plan.connect.map((c) => ({
      option: named(names, c.optionId),
      fee: toSafeNumber(c.fee),
      ...periodic(names, c.optionId),
    })),
    disconnect: plan.disconnect.map((d) => ({ option: named(names, d.optionId), reason: d.reason })),
    skipped: plan.skipped.map((s) => ({
      kind: s.kind,
      item: named(names, s.id),
      reason: s.reason,
      clashes: (s.clashes ?? []).map((code) => byCode(names, code)),
    })),
    total: toSafeNumber(plan.total),
    balance: toSafeNumber(balance),
    empty: plan.tariff === null && plan.connect.length === 0 && plan.disconnect.length === 0,
    fingerprint: ctx.fingerprint,
  };
}
