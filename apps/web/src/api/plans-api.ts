import { call } from './api-client';
import type {
  ChangeResult,
  ChangeWhen,
  Choice,
  CurrentTariff,
  PickerProposal,
  PickerSurvey,
  TariffOffer,
  TariffSort,
} from './catalog-types';

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

/** GET /lines/{id}/tariffs/picker (PLAN-04): the offers that fit a usage survey, best first. */
export async function pickTariffs(
  lineId: string,
  survey: PickerSurvey,
  signal?: AbortSignal,
): Promise<PickerProposal[]> {
  const query = new URLSearchParams({
    focus: survey.focus,
    minutes: String(survey.minutes),
    gigabytes: String(survey.gigabytes),
    messages: String(survey.messages),
  });
  const { proposals } = await call<{ proposals: PickerProposal[] }>(
    'GET',
    `${line(lineId)}/tariffs/picker?${query}`,
    { signal },
  );
  return proposals;
}

/**
 * POST /lines/{id}/tariff-changes (PLAN-03/05): `choice` sets the amounts of a configurable tariff (the line's
 * own one re-configures it); `idempotencyKey` is one per user intent, reused on retry.
 */
export function changeTariff(
  lineId: string,
  input: { tariffId: string; when: ChangeWhen; choice?: Choice },
  idempotencyKey: string,
): Promise<ChangeResult> {
  return call('POST', `${line(lineId)}/tariff-changes`, { body: input, idempotencyKey });
}

/** DELETE /lines/{id}/tariff-changes/pending: cancels the change planned for the next period. */
export function cancelPendingChange(lineId: string): Promise<void> {
  return call('DELETE', `${line(lineId)}/tariff-changes/pending`);
}
