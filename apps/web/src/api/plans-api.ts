import { call } from './api-client';
import type { ChangeResult, ChangeWhen, CurrentTariff, TariffOffer, TariffSort } from './catalog-types';

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/tariff (PLAN-01): the current tariff, its prices and a pending change. */
export function getCurrentTariff(lineId: string, signal?: AbortSignal): Promise<CurrentTariff> {
  return call('GET', `${line(lineId)}/tariff`, { signal });
}

/** GET /lines/{id}/tariffs (PLAN-02): the tariffs this line may switch to, with transition fees. */
export async function getTariffOffers(
  lineId: string,
  sort: TariffSort,
  signal?: AbortSignal,
): Promise<TariffOffer[]> {
  const { tariffs } = await call<{ tariffs: TariffOffer[] }>('GET', `${line(lineId)}/tariffs?sort=${sort}`, {
    signal,
  });
  return tariffs;
}

/** POST /lines/{id}/tariff-changes (PLAN-03); `idempotencyKey` is one per user intent, reused on retry. */
export function changeTariff(
  lineId: string,
  input: { tariffId: string; when: ChangeWhen },
  idempotencyKey: string,
): Promise<ChangeResult> {
  return call('POST', `${line(lineId)}/tariff-changes`, { body: input, idempotencyKey });
}

/** DELETE /lines/{id}/tariff-changes/pending: cancels the change planned for the next period. */
export function cancelPendingChange(lineId: string): Promise<void> {
  return call('DELETE', `${line(lineId)}/tariff-changes/pending`);
}
