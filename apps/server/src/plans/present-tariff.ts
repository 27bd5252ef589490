import {
  type ConfigurableChoice,
  type ConfigurableRates,
  choiceSteps,
  DISPLAY_UNIT,
  monthlyEquivalent,
  packageChanges,
  toDisplayUnits,
  toSafeNumber,
  transitionFeeOf,
} from '@kabinet/core';
import { sizeTemplates } from './buckets.ts';
import type { TariffRow, TemplateRow } from './catalog-query.ts';
import type { BoundOption } from './switch-tariff.ts';
import { configurableOf, defaultChoiceOf } from './tariff-price.ts';
import { presentRates, presentRoaming, type ZoneNames } from './tariff-rates.ts';

/** A package template in the units people buy it in. */
export function presentPackage(t: TemplateRow) {
  return {
    kind: t.kind,
    name: { ru: t.name_ru, en: t.name_en },
    amount: toDisplayUnits(t.kind, t.amount),
    unit: DISPLAY_UNIT[t.kind],
    renew: t.renew,
  };
}

/** PLAN-05: the sliders of a configurable tariff — each step with its fee — and where they start. */
export function presentConfigurable(rates: ConfigurableRates, start: ConfigurableChoice) {
  const steps = choiceSteps(rates);
  const withFees = (amounts: number[], fees: number[]) =>
    amounts.map((amount, i) => ({ amount, fee: fees[i] ?? 0 }));
  return {
    baseFee: rates.base_fee,
    minutes: withFees(
      steps.minutes,
      rates.voice.map((s) => s.fee),
    ),
    gigabytes: withFees(
      steps.gigabytes,
      rates.data.map((s) => s.fee),
    ),
    messages: withFees(
      steps.messages,
      rates.sms.map((s) => s.fee),
    ),
    start,
  };
}

/** The tariff's packages as the line has them: sized by its choice on a configurable tariff. */
function packagesOf(t: TariffRow, templates: TemplateRow[], choice: ConfigurableChoice | null) {
  const sized = choice ? sizeTemplates(templates, new Map([[t.id, choice]])) : templates;
  return sized.map(presentPackage);
}

/** A tariff with its fee as priced for the viewer (price changes, a configurable choice). */
export interface PricedTariff {
  tariff: TariffRow;
  templates: TemplateRow[];
  /** The fee due now, kopecks per period. */
  fee: bigint;
}

function presentBasics(p: PricedTariff, choice: ConfigurableChoice | null) {
  const t = p.tariff;
  return {
    id: t.id,
    code: t.code,
    name: { ru: t.name_ru, en: t.name_en },
    description: { ru: t.description_ru, en: t.description_en },
    fee: toSafeNumber(p.fee),
    feePeriod: t.fee_period,
    packages: packagesOf(t, p.templates, choice),
  };
}

/** The sliders of a configurable tariff starting from `choice` (else its default); null for other tariffs. */
function configurableView(p: PricedTariff, choice: ConfigurableChoice | null) {
  const rates = configurableOf(p.tariff.rates);
  return rates ? presentConfigurable(rates, choice ?? defaultChoiceOf(p.templates)) : null;
}

/** A pending tariff change of the line, as `CurrentTariff.pendingChange` shows it. */
export interface PendingChange {
  requestId: string;
  at: Date;
  tariff: TariffRow;
  choice: ConfigurableChoice | null;
}

/** PLAN-01/05: the line's tariff with its packages (as chosen), prices, roaming, next fee and a planned change. */
export function presentCurrentTariff(
  current: PricedTariff & { choice: ConfigurableChoice | null; nextFee: bigint | null },
  nextFeeAt: Date | null,
  pending: PendingChange | null,
  zones: ZoneNames,
) {
  const configurable = configurableView(current, current.choice);
  return {
    ...presentBasics(current, configurable ? (current.choice ?? configurable.start) : null),
    nextFeeAt: nextFeeAt ? nextFeeAt.toISOString() : null,
    nextFee: current.nextFee === null ? null : toSafeNumber(current.nextFee),
    rates: presentRates(current.tariff.rates),
    roaming: presentRoaming(current.tariff.rates, zones),
    configurable,
    choice: configurable ? configurable.start : null,
    pendingChange: pending
      ? {
          tariff: {
            id: pending.tariff.id,
            code: pending.tariff.code,
            name: { ru: pending.tariff.name_ru, en: pending.tariff.name_en },
          },
          at: pending.at.toISOString(),
          requestId: pending.requestId,
          choice: pending.choice,
        }
      : null,
  };
}

/**
 * PLAN-02: a tariff on offer, with its fee now and from the line's next period (effective-dated prices), its
 * transition fee, the packages now against after, the sliders of a configurable one, and the connected options
 * that need another tariff (a change disconnects them).
 */
export function presentOffer(
  offer: PricedTariff & { feeAtNextPeriod: bigint },
  current: TemplateRow[],
  lost: BoundOption[],
) {
  const t = offer.tariff;
  return {
    ...presentBasics(offer, null),
    feeAtNextPeriod: toSafeNumber(offer.feeAtNextPeriod),
    transitionFee: toSafeNumber(transitionFeeOf(t.rates)),
    changes: packageChanges(current, offer.templates),
    disconnectsOptions: lost.map((o) => ({ id: o.id, code: o.code, name: { ru: o.name_ru, en: o.name_en } })),
    monthlyEquivalent: toSafeNumber(monthlyEquivalent(offer.fee, t.fee_period)),
    configurable: configurableView(offer, null),
  };
}

/** A tariff on offer as the API shows it. */
export type Offer = ReturnType<typeof presentOffer>;

function amountOf(offer: Offer, kind: 'voice' | 'data'): number {
  return offer.changes.find((c) => c.kind === kind)?.after ?? 0;
}

/** Sorts offers: by price (30-day equivalent) ascending, or by data or minutes descending; ties by price. */
export function sortOffers(offers: Offer[], sort: 'price' | 'data' | 'minutes'): Offer[] {
  const byPrice = (a: Offer, b: Offer) =>
    a.monthlyEquivalent - b.monthlyEquivalent || a.code.localeCompare(b.code);
  if (sort === 'price') return [...offers].sort(byPrice);
  const kind = sort === 'data' ? 'data' : 'voice';
  return [...offers].sort((a, b) => amountOf(b, kind) - amountOf(a, kind) || byPrice(a, b));
}
