/**
 * Why a send did not succeed, in the terms the outbox needs to decide what to do next:
 * - `transient`: nothing was delivered and trying later may work (not connected, throttled, SMTP 4xx);
 * - `permanent`: nothing was delivered and trying again will not help (bad address, SMTP 5xx);
 * - `unknown`: the request left us but no answer came back (connection lost before submit_sm_resp), so the
 *   peer may or may not have accepted it — re-sending risks a duplicate.
 */
export type DeliveryErrorKind = 'transient' | 'permanent' | 'unknown';

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    /** Protocol status when the peer gave one (SMPP command_status, SMTP reply code). */
    readonly status?: number,
  ) {
    super(message);
  }
}
