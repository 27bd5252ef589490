import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { isTrustedGateway } from '../auth/trusted-gateway.ts';
import { ConfigError } from '../config.ts';

/** Who may call the USSD gateway interface: a shared secret in a header, and/or the gateways' addresses. */
export interface UssdGatewayConfig {
  /** Sent by the gateway in `x-ussd-secret`; absent: no secret is accepted. */
  secret: string | undefined;
  /** IPs/CIDRs of USSD gateways trusted by their TCP address alone (the network keeps others out). */
  trustedGateways: string[];
}

export const USSD_SECRET_HEADER = 'x-ussd-secret';

/**
 * Reads `KABINET_USSD_SECRET` (≥ 32 characters) and `KABINET_USSD_GATEWAYS` (comma-separated IPs/CIDRs). Kept
 * beside the capability rather than in config.ts: nothing else reads them.
 */
export function readUssdGatewayConfig(
  env: Record<string, string | undefined> = process.env,
): UssdGatewayConfig {
  const secret = env.KABINET_USSD_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('KABINET_USSD_SECRET', 'must be at least 32 characters');
  }
  const trustedGateways = (env.KABINET_USSD_GATEWAYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of trustedGateways) {
    const [address = '', bits] = entry.split('/');
    if (isIP(address) === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) {
      throw new ConfigError('KABINET_USSD_GATEWAYS', `must be IPs/CIDRs, got ${JSON.stringify(entry)}`);
    }
  }
  return { secret, trustedGateways };
}

/**
 * Whether a request comes from a USSD gateway: the right secret (compared in constant time) or a trusted TCP
 * peer (`request.socket.remoteAddress`, never a forwarded header). With neither configured, nobody is allowed —
 * the interface would otherwise let anyone read any number's balance by naming it.
 */
export function isUssdGateway(
  config: UssdGatewayConfig,
  header: string | string[] | undefined,
  peer: string | undefined,
): boolean {
  if (config.secret && typeof header === 'string') {
    const given = Buffer.from(header);
    const expected = Buffer.from(config.secret);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  return isTrustedGateway(config.trustedGateways, peer);
}
