import type { Acquirer } from './acquirer.ts';

export interface AcquirerSettings {
  /** HMAC key of the sandbox's webhooks (derived from the server secret when absent). */
  webhookSecret?: string;
  /** The cabinet's public base URL, for the hosted page and return links (e.g. `http://127.0.0.1:3000`). */
  publicUrl?: string;
}

/**
 * The acquirer the server uses. PLACEHOLDER of the issue 6 groundwork: the acquirer slice (A) replaces the body
 * with the sandbox acquirer (and real adapters chosen by configuration).
 */
export function createAcquirer(_secret: string, _settings: AcquirerSettings = {}): Acquirer {
  const missing = async (): Promise<never> => {
    throw new Error('acquirer not built yet');
  };
  return { name: 'sandbox', test: true, createPayment: missing, chargeToken: missing, fetchPayment: missing };
}
