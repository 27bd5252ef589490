import {
  DISPLAY_UNIT,
  monthlyEquivalent,
  packageChanges,
  toDisplayUnits,
  toSafeNumber,
  transitionFeeOf,
} from '@kabinet/core';
import type { TariffRow, TemplateRow } from './catalog-query.ts';
import type { BoundOption } from './switch-tariff.ts';
import { presentRates, presentRoaming } from './tariff-rates.ts';

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

function presentBasics(t: TariffRow, templates: TemplateRow[]) {
  return {
    id: t.id,
    code: t.code,
    name: { ru: t.name_ru, en: t.name_en },
    description: { ru: t.description_ru, en: t.description_en },
    fee: toSafeNumber(t.fee),
    feePeriod: t.fee_period,
    packages: templates.map(presentPackage),
  };
}

/** A pending tariff change of the line, as `CurrentTariff.pendingChange` shows it. */
export interface PendingChange {
  requestId: string;
  at: Date;
  tariff: TariffRow;
}

/** PLAN-01: the line's tariff with its packages, prices, roaming, next fee and any planned change. */
export function presentCurrentTariff(
  tariff: TariffRow,
  templates: TemplateRow[],
  nextFeeAt: Date | null,
  pending: PendingChange | null,
) {
  return {
    ...presentBasics(tariff, templates),
    nextFeeAt: nextFeeAt ? nextFeeAt.toISOString() : null,
    rates: presentRates(tariff.rates),
    roaming: presentRoaming(tariff.rates),
    pendingChange: pending
      ? {
          tariff: {
            id: pending.tariff.id,
            code: pending.tariff.code,
            name: { ru: pending.tariff.name_ru, en: pending.tariff.name_en },
          },
          at: pending.at.toISOString(),
          requestId: pending.requestId,
        }
      : null,
  };
}

/**
 * PLAN-02: a tariff on offer, with its transition fee, the packages now against after, and the connected options
 * that need another tariff (a change disconnects them).
 */
export function presentOffer(
  tariff: TariffRow,
  templates: TemplateRow[],
  current: TemplateRow[],
  lost: BoundOption[],
) {
  return {
    ...presentBasics(tariff, templates),
    transitionFee: toSafeNumber(transitionFeeOf(tariff.rates)),
    changes: packageChanges(current, templates),
    disconnectsOptions: lost.map((o) => ({ id: o.id, code: o.code, name: { ru: o.name_ru, en: o.name_en } })),
    monthlyEquivalent: toSafeNumber(monthlyEquivalent(tariff.fee, tariff.fee_period)),
  };
}

type Offer = ReturnType<typeof presentOffer>;

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
