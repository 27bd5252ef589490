import type {
  Choice,
  ConfigurableSliders,
  IncludedPackage,
  PackageChange,
  PackageUnit,
  PickerFocus,
  SliderStep,
} from '../api/catalog-types';
import { amountText } from '../catalog/amounts';
import type { Dictionary } from '../i18n/ru';

/** The three amounts, in the order the sliders and the reasons list them. */
export const CHOICE_FIELDS: PickerFocus[] = ['minutes', 'gigabytes', 'messages'];

const UNIT: Record<PickerFocus, PackageUnit> = { minutes: 'min', gigabytes: 'mb', messages: 'sms' };
const KIND: Record<PickerFocus, PackageChange['kind']> = {
  minutes: 'voice',
  gigabytes: 'data',
  messages: 'sms',
};

/** An amount of one field as people read it: "300 мин", "20 ГБ", "100 SMS". */
export function fieldText(t: Dictionary, field: PickerFocus, amount: number): string {
  return amountText(t, field === 'gigabytes' ? Math.round(amount * 1024) : amount, UNIT[field]);
}

/** "300 мин, 20 ГБ, 100 SMS" for the given fields (all three unless told). */
export function choiceText(t: Dictionary, choice: Choice, fields: PickerFocus[] = CHOICE_FIELDS): string {
  return fields.map((field) => fieldText(t, field, choice[field])).join(', ');
}

/**
 * The monthly fee of a choice, kopecks: base plus the chosen step of each slider — the rule the server charges
 * by (`configurableFee` in @kabinet/core), repeated here so the price follows the slider without a round trip.
 * Null when an amount is not a step.
 */
export function sliderFee(sliders: ConfigurableSliders, choice: Choice): number | null {
  let total = sliders.baseFee;
  for (const field of CHOICE_FIELDS) {
    const step = sliders[field].find((s: SliderStep) => s.amount === choice[field]);
    if (!step) return null;
    total += step.fee;
  }
  return total;
}

/** Whether a choice sits on the sliders' steps (e.g. amounts read from a link). */
export function onSteps(sliders: ConfigurableSliders, choice: Partial<Choice>): choice is Choice {
  return CHOICE_FIELDS.every((f) => sliders[f].some((s) => s.amount === choice[f]));
}

/** Two choices are the same slider positions. */
export function sameChoice(a: Choice | null, b: Choice | null): boolean {
  return a !== null && b !== null && CHOICE_FIELDS.every((f) => a[f] === b[f]);
}

/** "What changes" from the packages the line has now to a choice (a kind chosen as 0 has none after). */
export function choiceChanges(now: IncludedPackage[], choice: Choice): PackageChange[] {
  return CHOICE_FIELDS.flatMap((field) => {
    const kind = KIND[field];
    const before = now.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.amount, 0);
    const after = field === 'gigabytes' ? choice.gigabytes * 1024 : choice[field];
    if (before === 0 && after === 0) return [];
    return [{ kind, now: before || null, after: after || null, unit: UNIT[field] }];
  });
}
