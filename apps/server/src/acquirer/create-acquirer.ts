import { hmac } from '../auth/secrets.ts';
import type { Acquirer } from './acquirer.ts';
import { SandboxAcquirer } from './sandbox-acquirer.ts';

export interface AcquirerSettings {
  /** HMAC key of the sandbox's webhooks (derived from the server secret when absent). */
  webhookSecret?: string;
  /** The cabinet's public base URL, for the hosted page and return links (e.g. `http://127.0.0.1:3000`). */
  publicUrl?: string;
  /**
   * Where the sandbox sends its webhooks. Absent: the app's own address once it listens (real HTTP through the
   * app's routes), or Fastify inject when it does not listen (the API test harness).
   */
  webhookUrl?: string;
}

/**
 * The acquirer the server uses: the built-in sandbox (TEST). A real acquirer's adapter would be chosen here by
 * configuration; it implements the same `Acquirer` interface. The sandbox is connected to its tables and the
 * app by its routes (`sandbox-routes.ts`) when the app is built.
 */
export function createAcquirer(secret: string, settings: AcquirerSettings = {}): Acquirer {
  return new SandboxAcquirer({
    webhookSecret: settings.webhookSecret ?? hmac(secret, 'acquirer-webhook', 'sandbox').toString('hex'),
    publicUrl: settings.publicUrl?.replace(/\/+$/, ''),
    webhookUrl: settings.webhookUrl,
  });
}
