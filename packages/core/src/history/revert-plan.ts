import { checkCompatibility, type OptionRule } from '../plans/compatibility.ts';
import type { ServiceState } from './periods.ts';

/** A tariff as the revert needs it: whether it can still be chosen, and what moving to it costs. */
export interface RevertTariff {
  id: string;
  code: string;
  /** On offer to this line now (not archived, public, of the line's kind). */
  offered: boolean;
  /** Kopecks charged for moving to it (PLAN-02 transition fee). */
  transitionFee: bigint;
}

/** An option as the revert needs it. */
export interface RevertOption extends OptionRule {
  id: string;
  archived: boolean;
  /** Paid content subscriptions are never re-subscribed on the subscriber's behalf. */
  content: boolean;
  /** Kopecks charged on connection. */
  connectFee: bigint;
}

/** Why an item of the past state is not brought back. */
export type SkipReason = 'archived' | 'not_offered' | 'content' | 'requires_tariff' | 'excludes_option';

export interface RevertPlan {
  /** The tariff change, or null when the tariff stays (same, or the old one cannot be chosen). */
  tariff: { fromId: string; toId: string; fee: bigint } | null;
  /** Options to connect, each with its connection fee. */
  connect: Array<{ optionId: string; fee: bigint }>;
  /** Options to disconnect (free); `reason` set when kept by the past state but impossible on the final tariff. */
  disconnect: Array<{ optionId: string; reason: 'not_in_past' | 'requires_tariff' }>;
  /** Items of the past state that are not brought back, and why. */
  skipped: Array<{ kind: 'tariff' | 'option'; id: string; reason: SkipReason; clashes?: string[] }>;
  /** Every fee of the plan, kopecks. */
  total: bigint;
}

export interface RevertInput {
  past: ServiceState;
  current: ServiceState;
  /** Tariffs by id: at least the past and the current one, if known. */
  tariffs: ReadonlyMap<string, RevertTariff>;
  /** Options by id: at least every option of both states. */
  options: ReadonlyMap<string, RevertOption>;
}

/**
 * SVC-10: what returning the line to `past` takes from `current`, given today's catalog. The tariff comes back
 * if it is still offered; options added since go; options removed since come back unless archived, content, or
 * incompatible with the final tariff and the options kept or connected before them (checked in code order, so
 * the plan is deterministic). Kept options the final tariff cannot carry are disconnected too, as the tariff
 * change would. Pure: the catalog and the states are passed in.
 */
export function planRevert(input: RevertInput): RevertPlan {
  const { past, current, tariffs, options } = input;
  const skipped: RevertPlan['skipped'] = [];
  let tariff: RevertPlan['tariff'] = null;
  const currentTariff = current.tariffId ? tariffs.get(current.tariffId) : undefined;
  let finalCode = currentTariff?.code ?? '';
  if (past.tariffId && current.tariffId && past.tariffId !== current.tariffId) {
    const target = tariffs.get(past.tariffId);
    if (target?.offered) {
      tariff = { fromId: current.tariffId, toId: target.id, fee: target.transitionFee };
      finalCode = target.code;
    } else {
      skipped.push({ kind: 'tariff', id: past.tariffId, reason: 'not_offered' });
    }
  }
  const pastSet = new Set(past.optionIds);
  const currentSet = new Set(current.optionIds);
  const disconnect: RevertPlan['disconnect'] = [];
  const kept: RevertOption[] = [];
  for (const id of [...currentSet].sort()) {
    const option = options.get(id);
    if (!pastSet.has(id)) disconnect.push({ optionId: id, reason: 'not_in_past' });
    else if (option && tariff && !fitsTariff(option, finalCode))
      disconnect.push({ optionId: id, reason: 'requires_tariff' });
    else if (option) kept.push(option);
  }
  const connect: RevertPlan['connect'] = [];
  const wanted = [...pastSet]
    .filter((id) => !currentSet.has(id))
    .map((id) => options.get(id))
    .filter((o): o is RevertOption => o !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code));
  for (const option of wanted) {
    const reason = skipReason(option, finalCode, kept);
    if (reason) {
      skipped.push({ kind: 'option', id: option.id, ...reason });
      continue;
    }
    connect.push({ optionId: option.id, fee: option.connectFee });
    kept.push(option);
  }
  const total = connect.reduce((sum, c) => sum + c.fee, tariff?.fee ?? 0n);
  return { tariff, connect, disconnect, skipped, total };
}

function fitsTariff(option: OptionRule, tariffCode: string): boolean {
  return option.requiresTariffs.length === 0 || option.requiresTariffs.includes(tariffCode);
}

function skipReason(
  option: RevertOption,
  tariffCode: string,
  kept: readonly OptionRule[],
): { reason: SkipReason; clashes?: string[] } | null {
  if (option.archived) return { reason: 'archived' };
  if (option.content) return { reason: 'content' };
  const inc = checkCompatibility(option, tariffCode, kept);
  if (inc?.code === 'requires_tariff') return { reason: 'requires_tariff' };
  if (inc?.code === 'excludes_option') return { reason: 'excludes_option', clashes: inc.options };
  return null;
}

/** Whether a plan changes nothing. */
export function isEmptyPlan(plan: RevertPlan): boolean {
  return plan.tariff === null && plan.connect.length === 0 && plan.disconnect.length === 0;
}
