import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { loadOfferedTariffs, loadTariff, loadTemplates, type TariffRow } from './catalog-query.ts';
import type { PendingChange } from './present-tariff.ts';
import { presentCurrentTariff, presentOffer, sortOffers } from './present-tariff.ts';
import { loadBoundOptions, optionsLostOn } from './switch-tariff.ts';

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
  return tariff ? { requestId: row.id, at: row.effective_at, tariff } : null;
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

/** PLAN-01: the current tariff of a line. */
export async function currentTariff(db: Db, lineId: string) {
  const line = await lineOf(db, lineId);
  const tariff: TariffRow | undefined = await loadTariff(db, line.tariff_id);
  if (!tariff) throw problems.notFound('tariff');
  const templates = await loadTemplates(db, 'tariff_id', [tariff.id]);
  return presentCurrentTariff(tariff, templates, line.next_fee_at, await loadPendingChange(db, lineId));
}

/** PLAN-02: the tariffs a line may move to (public, not archived, its kind, not its own), sorted. */
export async function tariffCatalog(db: Db, lineId: string, sort: 'price' | 'data' | 'minutes') {
  const line = await lineOf(db, lineId);
  const offered = (await loadOfferedTariffs(db, line.kind)).filter((t) => t.id !== line.tariff_id);
  const templates = await loadTemplates(db, 'tariff_id', [line.tariff_id, ...offered.map((t) => t.id)]);
  const of = (id: string) => templates.filter((t) => t.tariff_id === id);
  const current = of(line.tariff_id);
  const connected = await loadBoundOptions(db, lineId);
  const offers = offered.map((t) => presentOffer(t, of(t.id), current, optionsLostOn(connected, t.code)));
  return { tariffs: sortOffers(offers, sort) };
}
