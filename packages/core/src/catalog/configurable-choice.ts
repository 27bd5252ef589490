/**
 * PLAN-05: checking a subscriber's slider positions against a configurable tariff, and the packages they make.
 * The API answers a bad choice with a field error naming the field, so the checks return the field, not a throw.
 */
import { fromDisplayUnits, type PackageKind } from '../packages.ts';
import type { ConfigurableChoice } from './configurable.ts';
import type { ConfigurableRates } from './types.ts';

/** The three amounts a subscriber chooses, by the field names of the API. */
export const CHOICE_FIELDS = ['minutes', 'gigabytes', 'messages'] as const;
export type ChoiceField = (typeof CHOICE_FIELDS)[number];

/** The package kind each chosen amount sizes. */
export const CHOICE_KIND: Record<ChoiceField, PackageKind> = {
  minutes: 'voice',
  gigabytes: 'data',
  messages: 'sms',
};

/** The steps a slider moves between, smallest first; a kind without steps offers only 0. */
export function choiceSteps(rates: ConfigurableRates): Record<ChoiceField, number[]> {
  const or0 = (amounts: number[]) => (amounts.length > 0 ? amounts : [0]);
  return {
    minutes: or0(rates.voice.map((s) => s.minutes)),
    gigabytes: or0(rates.data.map((s) => s.gigabytes)),
    messages: or0(rates.sms.map((s) => s.messages)),
  };
}

/** Why one chosen amount is refused: outside the range of the steps, or between two steps. */
export interface ChoiceIssue {
  field: ChoiceField;
  code: 'out_of_range' | 'not_a_step';
  message: string;
  steps: number[];
}

/**
 * Every amount of `choice` that is not one of the tariff's steps, in field order; empty when the choice prices.
 * Out of range is told apart from "between steps" so the screen can say which limit was crossed.
 */
export function checkChoice(rates: ConfigurableRates, choice: ConfigurableChoice): ChoiceIssue[] {
  const steps = choiceSteps(rates);
  return CHOICE_FIELDS.flatMap((field): ChoiceIssue[] => {
    const allowed = steps[field];
    const value = choice[field];
    if (allowed.includes(value)) return [];
    const min = allowed[0] ?? 0;
    const max = allowed.at(-1) ?? 0;
    if (value < min || value > max) {
      return [{ field, code: 'out_of_range', message: `must be from ${min} to ${max}`, steps: allowed }];
    }
    return [{ field, code: 'not_a_step', message: `must be one of ${allowed.join(', ')}`, steps: allowed }];
  });
}

/** The network-unit amount (seconds, bytes, messages) a choice gives a package of `kind`. */
export function chosenAmount(choice: ConfigurableChoice, kind: PackageKind): bigint {
  if (kind === 'voice') return fromDisplayUnits('voice', choice.minutes);
  if (kind === 'data') return fromDisplayUnits('data', choice.gigabytes * 1024);
  return fromDisplayUnits('sms', choice.messages);
}

/** Whether two choices are the same slider positions. */
export function sameChoice(a: ConfigurableChoice, b: ConfigurableChoice): boolean {
  return CHOICE_FIELDS.every((f) => a[f] === b[f]);
}
