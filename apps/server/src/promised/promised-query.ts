import { decidePromised, type PromisedRules, toSafeNumber } from '@kabinet/core';
import type { ActivePromised, PromisedLine } from './promised-line.ts';

/** An unpaid promised payment as the API shows it. */
export function presentActivePromised(active: ActivePromised) {
  return {
    id: active.id,
    amount: toSafeNumber(active.amount),
    fee: toSafeNumber(active.fee),
    takenAt: active.takenAt.toISOString(),
    dueAt: active.dueAt.toISOString(),
    channel: active.channel,
  };
}

/** PAY-05 screen state: eligibility with every reason, the amounts with fees, and the unpaid one. */
export function presentPromisedState(line: PromisedLine, rules: PromisedRules, now: Date) {
  const decision = decidePromised(line.facts, rules, now);
  return {
    eligible: decision.eligible,
    refusals: decision.refusals,
    options: decision.options.map((o) => ({ amount: toSafeNumber(o.amount), fee: toSafeNumber(o.fee) })),
    dueAt: decision.dueAt.toISOString(),
    termDays: rules.termDays,
    minTenureDays: rules.minTenureDays,
    tenureDays: decision.tenureDays,
    averageTopUps: toSafeNumber(decision.averageTopUps),
    minAverageTopUps: toSafeNumber(
      rules.offers.reduce(
        (min, o) => (o.minAverage < min ? o.minAverage : min),
        rules.offers[0]?.minAverage ?? 0n,
      ),
    ),
    balance: toSafeNumber(line.balance),
    active: line.active ? presentActivePromised(line.active) : null,
  };
}
