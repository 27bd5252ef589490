import { call } from './api-client';
import type {
  BlockReason,
  Esim,
  EsimAnswer,
  ReplacementAnswer,
  RequestRef,
  SimState,
  SuspendAnswer,
  Suspension,
  UnblockCodeSent,
} from './sim-types';

/**
 * Voluntary suspension (PLAN-06) and lost SIM, replacement SIM, eSIM (SVC-09). Nothing here charges money
 * now, so no idempotency key. Reads are allowed to partial sessions, changes need full access.
 */
const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/suspension: whether the tariff allows it, its rules, the current suspension. */
export function getSuspension(lineId: string, signal?: AbortSignal): Promise<Suspension> {
  return call('GET', `${line(lineId)}/suspension`, { signal });
}

/** POST /lines/{id}/suspension: 409 `not_available` / `line_not_active`, 400 on `days`. */
export function suspend(lineId: string, days: number): Promise<SuspendAnswer> {
  return call('POST', `${line(lineId)}/suspension`, { body: { days } });
}

/** DELETE /lines/{id}/suspension: back to active; 409 `not_suspended`. */
export function resume(lineId: string): Promise<{ request: RequestRef }> {
  return call('DELETE', `${line(lineId)}/suspension`);
}

/** GET /lines/{id}/sim: the line's status, the block reason and its SIM cards. */
export function getSim(lineId: string, signal?: AbortSignal): Promise<SimState> {
  return call('GET', `${line(lineId)}/sim`, { signal });
}

/** POST /lines/{id}/sim/block: blocks the line at once, the balance is kept; 409 `already_blocked`. */
export function blockSim(lineId: string, reason: BlockReason): Promise<{ request: RequestRef }> {
  return call('POST', `${line(lineId)}/sim/block`, { body: { reason } });
}

/** POST /lines/{id}/sim/replacement: a physical card to pick up; 409 `replacement_pending`, 400 on `pickupOffice`. */
export function orderReplacement(lineId: string, pickupOffice: string): Promise<ReplacementAnswer> {
  return call('POST', `${line(lineId)}/sim/replacement`, { body: { pickupOffice } });
}

/** POST /lines/{id}/sim/esim: a new eSIM with its activation code and QR; 409 `line_blocked`. */
export function issueEsim(lineId: string): Promise<EsimAnswer> {
  return call('POST', `${line(lineId)}/sim/esim`);
}

/** GET /lines/{id}/sim/esim/{cardId}: the code and QR of a pending eSIM again. */
export function getEsim(lineId: string, cardId: string, signal?: AbortSignal): Promise<Esim> {
  return call('GET', `${line(lineId)}/sim/esim/${encodeURIComponent(cardId)}`, { signal });
}

/**
 * POST /lines/{id}/sim/unblock/code: a code to the subscriber's other contact; 409 `office_only` / `no_contact` /
 * `not_blocked`, 429 `too_many_codes`.
 */
export function sendUnblockCode(lineId: string): Promise<UnblockCodeSent> {
  return call('POST', `${line(lineId)}/sim/unblock/code`);
}

/** POST /lines/{id}/sim/unblock: 400 `invalid_code` (with `attemptsLeft`), `code_expired`, `too_many_attempts`. */
export function unblockSim(lineId: string, code: string): Promise<{ request: RequestRef }> {
  return call('POST', `${line(lineId)}/sim/unblock`, { body: { code } });
}
