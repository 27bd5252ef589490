import { type ConfigurableChoice, checkChoice, sameChoice } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { loadTemplates, type TariffRow } from './catalog-query.ts';
import { changeProblems } from './errors.ts';
import type { LockedLine } from './line-lock.ts';
import { configurableOf, defaultChoiceOf, loadChoice } from './tariff-price.ts';

/** What a change request asks for once its amounts are checked. */
export interface ResolvedChoice {
  /** The amounts the line gets on a configurable target; null for any other tariff. */
  choice: ConfigurableChoice | null;
  /** True when the target is the line's own configurable tariff: new amounts, same tariff. */
  reconfigure: boolean;
  /** On a re-configuration, the amounts the line has now (its stored choice, else the default). */
  previous: ConfigurableChoice | null;
}

/**
 * PLAN-05: checks the amounts of a change against the target's steps. A configurable target without amounts
 * takes its default (its own packages); amounts for a tariff without sliders, or off the steps, are field
 * errors naming the field; the line's own tariff may only be re-configured, to different amounts.
 */
export async function resolveChoice(
  trx: Db,
  line: LockedLine,
  target: TariffRow,
  given: ConfigurableChoice | undefined,
): Promise<ResolvedChoice> {
  const rates = configurableOf(target.rates);
  const same = target.id === line.tariff_id;
  if (!rates) {
    if (given) throw changeProblems.notConfigurable();
    if (same) throw changeProblems.sameTariff();
    return { choice: null, reconfigure: false, previous: null };
  }
  const fallback = defaultChoiceOf(await loadTemplates(trx, 'tariff_id', [target.id]));
  const previous = same ? ((await loadChoice(trx, line.id, target.id)) ?? fallback) : null;
  const choice = given ?? previous ?? fallback;
  const issues = checkChoice(rates, choice);
  if (issues.length > 0) throw changeProblems.badChoice(issues);
  if (previous && sameChoice(previous, choice)) throw changeProblems.sameChoice();
  return { choice, reconfigure: same, previous };
}

/** The amounts stored in a request's payload (a planned change), or null when it has none or they are malformed. */
export function choiceFromPayload(payload: Record<string, unknown>): ConfigurableChoice | null {
  const c = payload.choice;
  if (typeof c !== 'object' || c === null) return null;
  const { minutes, gigabytes, messages } = c as Record<string, unknown>;
  const whole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  return whole(minutes) && whole(gigabytes) && whole(messages) ? { minutes, gigabytes, messages } : null;
}
