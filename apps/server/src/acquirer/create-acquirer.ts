import type { Db } from '@kabinet/db';
import { hmac } from '../auth/secrets.ts';
import type { Acquirer } from './acquirer.ts';
import { SandboxAcquirer } from './sandbox-acquirer.ts';
import { YooKassaAcquirer, type YooKassaSettings } from './yookassa-acquirer.ts';

export interface AcquirerSettings {
  /** Which acquirer: the built-in sandbox (TEST, the default) or YooKassa (`yookassa` needs its settings). */
  kind?: 'sandbox' | 'yookassa';
  /** HMAC key of the sandbox's webhooks (derived from the server secret when absent). */
  webhookSecret?: string | undefined;
  /** The cabinet's public base URL, for the hosted page and return links (e.g. `http://127.0.0.1:3000`). */
  publicUrl?: string | undefined;
  /**
   * Where the sandbox sends its webhooks. Absent: the app's own address once it listens (real HTTP through the
   * app's routes), or Fastify inject when it does not listen (the API test harness).
   */
  webhookUrl?: string | undefined;
  /** YooKassa: shop id, secret key, and optionally the API base URL (tests) and a call deadline. */
  yookassa?: YooKassaSettings | undefined;
}

/**
 * The acquirer the server uses, chosen by configuration (`KABINET_ACQUIRER`, see config.ts): the built-in
 * sandbox (TEST) unless `kind` is `yookassa`. Both implement the same `Acquirer` interface. The sandbox is
 * connected to its tables and the app by its routes (`sandbox-routes.ts`) when the app is built.
 */
export function createAcquirer(secret: string, settings: AcquirerSettings = {}): Acquirer {
  if (settings.kind === 'yookassa') {
    if (!settings.yookassa?.shopId || !settings.yookassa.secretKey) {
      throw new Error('The YooKassa acquirer is chosen without its shop id and secret key');
    }
    return new YooKassaAcquirer(settings.yookassa);
  }
  return new SandboxAcquirer({
    webhookSecret: settings.webhookSecret ?? hmac(secret, 'acquirer-webhook', 'sandbox').toString('hex'),
    publicUrl: settings.publicUrl?.replace(/\/+$/, ''),
    webhookUrl: settings.webhookUrl,
  });
}

/**
 * The acquirer of a process that runs the periodic jobs without the app (`kabinet worker`): the configured one,
 * and the sandbox connected to its tables and the clock, as its routes would (reconciliation and autopay read
 * them). Jobs never make the sandbox send a webhook (only its hosted page does), so it has no cabinet to call.
 */
export function createJobAcquirer(db: Db, secret: string, settings: AcquirerSettings = {}): Acquirer {
  const acquirer = createAcquirer(secret, settings);
  if (acquirer instanceof SandboxAcquirer) {
    acquirer.attach({ db, now: () => new Date(), origin: () => null, inject: async () => 503 });
  }
  return acquirer;
}
