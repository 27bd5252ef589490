import {
  type ConfigurableChoice,
  type PickerCandidate,
  type PickerSurvey,
  rankTariffs,
  toSafeNumber,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { TariffRow, TemplateRow } from './catalog-query.ts';
import { configurableOf } from './tariff-price.ts';
import { loadOffers } from './tariff-query.ts';

/** Periods of a renewal in 30 days, for a tariff with `feePeriod` (a once-only package counts once). */
function timesPerMonth(renew: TemplateRow['renew'], feePeriod: TariffRow['fee_period']): number {
  if (renew === 'day' || (renew === 'fee_period' && feePeriod === 'day')) return 30;
  return 1;
}

/** What a tariff's packages give over 30 days: minutes, gigabytes, messages. */
export function monthlyAmounts(row: TariffRow, templates: readonly TemplateRow[]): ConfigurableChoice {
  const sum = (kind: TemplateRow['kind']) =>
    templates
      .filter((t) => t.kind === kind)
      .reduce((total, t) => total + Number(t.amount) * timesPerMonth(t.renew, row.fee_period), 0);
  return {
    minutes: Math.floor(sum('voice') / 60),
    gigabytes: Math.round((sum('data') / 1024 ** 3) * 10) / 10,
    messages: sum('sms'),
  };
}

/**
 * PLAN-04: the tariffs this line may move to (the PLAN-02 offers, priced the same way), ranked by how they fit
 * the survey, each with what it covers and, for a configurable tariff, the amounts to set.
 */
export async function pickTariffs(db: Db, lineId: string, survey: PickerSurvey, now: Date, timeZone: string) {
  const offers = await loadOffers(db, lineId, now, timeZone);
  const candidates: PickerCandidate[] = offers.map((o) => ({
    id: o.row.id,
    amounts: monthlyAmounts(o.row, o.templates),
    monthlyFee: BigInt(o.offer.monthlyEquivalent),
    configurable: configurableOf(o.row.rates),
  }));
  const ranked = rankTariffs(candidates, survey);
  return {
    proposals: ranked.flatMap((p) => {
      const found = offers.find((o) => o.row.id === p.id);
      if (!found) return [];
      return [
        {
          offer: found.offer,
          amounts: p.amounts,
          choice: p.choice,
          monthlyFee: toSafeNumber(p.monthlyFee),
          covers: p.covers,
          short: p.short,
          fits: p.short.length === 0,
        },
      ];
    }),
  };
}
