import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { loadOfferedTariffs, loadTariff, loadTemplates, type TariffRow } from './catalog-query.ts';
import type { PendingChange } from './present-tariff.ts';
import { presentCurrentTariff, presentOffer, sortOffers } from './present-tariff.ts';
import { choiceFromPayload } from './resolve-choice.ts';
import { loadBoundOptions, optionsLostOn } from './switch-tariff.ts';
import { loadChoice, tariffPricer } from './tariff-price.ts';
import { loadZoneNames } from './tariff-rates.ts';

/** The tariff change of a line planned from the next period, if any. */
export async function loadPendingChange(db: Db, lineId: string): Promise<PendingChange | null> {
  const row = await db
    .selectFrom('requests')
    .select(['id', 'effective_at', 'payload'])
    .where('line_id', '=', lineId)
    .where('kind', '=', 'tariff_change')
    .where('status', '=', 'accepted')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const tariffId = row?.payload.toTariffId;
  if (!row?.effective_at || typeof tariffId !== 'string') return null;
  const tariff = await loadTariff(db, tariffId);
  return tariff
    ? { requestId: row.id, at: row.effective_at, tariff, choice: choiceFromPayload(row.payload) }
    : null;
}

async function lineOf(db: Db, lineId: string) {
  const line = await db
    .selectFrom('lines')
    .select(['id', 'kind', 'tariff_id', 'next_fee_at'])
    .where('id', '=', lineId)
    .executeTakeFirst();
  if (!line) throw problems.notFound('line');
  return line;
}

/** PLAN-01/05: the current tariff of a line, priced now and at its next fee, with the amounts it chose. */
export async function currentTariff(db: Db, lineId: string, now: Date, timeZone: string) {
  const line = await lineOf(db, lineId);
  const tariff: TariffRow | undefined = await loadTariff(db, line.tariff_id);
  if (!tariff) throw problems.notFound('tariff');
  const templates = await loadTemplates(db, 'tariff_id', [tariff.id]);
  const choice = await loadChoice(db, lineId, tariff.id);
  const pricer = await tariffPricer(db, [tariff], timeZone);
  return presentCurrentTariff(
    {
      tariff,
      templates,
      choice,
      fee: pricer.feeAt(tariff, choice, now),
      nextFee: line.next_fee_at ? pricer.feeAt(tariff, choice, line.next_fee_at) : null,
    },
    line.next_fee_at,
    await loadPendingChange(db, lineId),
    await loadZoneNames(db),
  );
}

/** The tariffs a line may move to, each with its stored row and its presented offer (PLAN-02, PLAN-04). */
export async function loadOffers(db: Db, lineId: string, now: Date, timeZone: string) {
  const line = await lineOf(db, lineId);
  const offered = (await loadOfferedTariffs(db, line.kind)).filter((t) => t.id !== line.tariff_id);
  const templates = await loadTemplates(db, 'tariff_id', [line.tariff_id, ...offered.map((t) => t.id)]);
  const of = (id: string) => templates.filter((t) => t.tariff_id === id);
  const current = of(line.tariff_id);
  const connected = await loadBoundOptions(db, lineId);
  const pricer = await tariffPricer(db, offered, timeZone);
  return offered.map((row) => ({
    row,
    templates: of(row.id),
    offer: presentOffer(
      {
        tariff: row,
        templates: of(row.id),
        fee: pricer.feeAt(row, null, now),
        feeAtNextPeriod: pricer.feeAt(row, null, line.next_fee_at ?? now),
      },
      current,
      optionsLostOn(connected, row.code),
    ),
  }));
}

/**
 * PLAN-02: the tariffs a line may move to (public, not archived, its kind, not its own), priced now and from
 * its next period, sorted.
 */
export async function tariffCatalog(
  db: Db,
  lineId: string,
  sort: 'price' | 'data' | 'minutes',
  now: Date,
  timeZone: string,
) {
  const offers = await loadOffers(db, lineId, now, timeZone);
  return {
    tariffs: sortOffers(
      offers.map((o) => o.offer),
      sort,
    ),
  };
}
