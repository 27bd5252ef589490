import { isIP } from 'node:net';
import { parseSmppUrl } from '@kabinet/channels';
import { defaultPoolSize } from '@kabinet/db';
import type { AcquirerSettings } from './acquirer/create-acquirer.ts';

/**
 * Configuration comes from the environment and is validated once at start: a bad value stops the process with
 * one line naming the variable, rather than failing later somewhere far from the cause.
 */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent, the embedded one is started in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** `KABINET_DB_POOL`: connections the server keeps to PostgreSQL (default `defaultPoolSize()`: 2 × cores + 1). */
  dbPool: number;
  /** Demo mode: virtual phone, demo data, dev endpoints. */
  demo: boolean;
  /** Server secret for HMACs of one-time codes and CSRF tokens; ≥ 32 characters. Generated in demo mode. */
  secret: string | undefined;
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed; empty or false trusts none. */
  trustProxy: string[] | false;
  /** Serve the built web app from this folder (absent: API only). */
  webDist: string | undefined;
  /** ACCESS-08: header enrichment — the gateways (IPs/CIDRs of the TCP peer) trusted to add the caller's number. */
  enrichment: { trustedGateways: string[]; header: string };
  /** ACCESS-06: WebAuthn relying party. `rpId` absent: the request's host name. */
  webauthn: { rpId: string | undefined; rpName: string; origins: string[] };
  /** NOTIF-02 transports: `SMPP_URL`, `SMPP_WINDOW`, `SMTP_URL`, `KABINET_MAIL_FROM`. */
  channels: {
    smppUrl: string | undefined;
    smppWindow: number;
    smtpUrl: string | undefined;
    mailFrom: string;
  };
  /**
   * PAY-01/04: the card acquirer — `KABINET_ACQUIRER` `sandbox` (TEST, default) or `yookassa` — and its settings:
   * `KABINET_PUBLIC_URL`, `KABINET_SANDBOX_WEBHOOK_SECRET`, `KABINET_SANDBOX_WEBHOOK_URL` for the sandbox;
   * `KABINET_YOOKASSA_SHOP_ID`, `KABINET_YOOKASSA_SECRET_KEY`, `KABINET_YOOKASSA_API_URL` for YooKassa.
   */
  acquirer: AcquirerSettings;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function bool(env: Env, name: string): boolean | undefined {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got ${JSON.stringify(env[name])}`);
}

/** A comma-separated list of IPs/CIDRs; empty → []. */
function cidrList(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw.split(',').map((s) => {
    const v = s.trim();
    const [address = '', prefix] = v.split('/');
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix))
    ) {
      throw new ConfigError(name, `must be a comma-separated list of IPs/CIDRs, got ${JSON.stringify(v)}`);
    }
    return v;
  });
}

function httpUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an http:// or https:// URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http:// or https:// URL, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

/** The YooKassa API base: https only, since the secret key travels in every request (http only to a loopback test server). */
function yookassaApiUrl(env: Env): string | undefined {
  const raw = httpUrl(env, 'KABINET_YOOKASSA_API_URL');
  if (raw === undefined) return undefined;
  const url = new URL(raw);
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new ConfigError(
      'KABINET_YOOKASSA_API_URL',
      'must be an https:// URL (http:// only for a loopback test server)',
    );
  }
  return raw;
}

/** The acquirer and its settings; choosing YooKassa without its credentials stops the start, naming what is missing. */
function acquirerSettings(env: Env): AcquirerSettings {
  const kind = env.KABINET_ACQUIRER?.trim().toLowerCase() || 'sandbox';
  if (kind !== 'sandbox' && kind !== 'yookassa') {
    throw new ConfigError(
      'KABINET_ACQUIRER',
      `must be sandbox or yookassa, got ${JSON.stringify(env.KABINET_ACQUIRER)}`,
    );
  }
  const publicUrl = httpUrl(env, 'KABINET_PUBLIC_URL');
  if (kind === 'yookassa') {
    const shopId = env.KABINET_YOOKASSA_SHOP_ID?.trim() ?? '';
    const secretKey = env.KABINET_YOOKASSA_SECRET_KEY?.trim() ?? '';
    if (!/^\d+$/.test(shopId)) {
      throw new ConfigError(
        'KABINET_YOOKASSA_SHOP_ID',
        shopId === ''
          ? 'is required when KABINET_ACQUIRER=yookassa (the shop id from the YooKassa merchant profile)'
          : 'must be the numeric shop id from the YooKassa merchant profile',
      );
    }
    if (secretKey === '' || /\s/.test(secretKey)) {
      throw new ConfigError(
        'KABINET_YOOKASSA_SECRET_KEY',
        'is required when KABINET_ACQUIRER=yookassa (the secret key from the YooKassa merchant profile, live_… or test_…)',
      );
    }
    return {
      kind,
      publicUrl,
      yookassa: {
        shopId,
        secretKey,
        apiUrl: yookassaApiUrl(env),
        checkSender: bool(env, 'KABINET_YOOKASSA_CHECK_SENDER') ?? false,
      },
    };
  }
  const webhookSecret = env.KABINET_SANDBOX_WEBHOOK_SECRET || undefined;
  if (webhookSecret !== undefined && webhookSecret.length < 32) {
    throw new ConfigError(
      'KABINET_SANDBOX_WEBHOOK_SECRET',
      'must be at least 32 characters (e.g. `openssl rand -hex 32`)',
    );
  }
  return { kind, publicUrl, webhookSecret, webhookUrl: httpUrl(env, 'KABINET_SANDBOX_WEBHOOK_URL') };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface ConfigDefaults {
  demo?: boolean;
  webDist?: string;
}

/** Reads and validates the configuration; throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: Env = process.env, defaults: ConfigDefaults = {}): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must be a postgres:// or postgresql:// URL');
  }
  const timeZone = env.KABINET_TIME_ZONE || 'Europe/Moscow';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(
      'KABINET_TIME_ZONE',
      `must be an IANA time zone such as Europe/Moscow, got ${timeZone}`,
    );
  }
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`,
    );
  }
  const secret = env.KABINET_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('KABINET_SECRET', 'must be at least 32 characters (e.g. `openssl rand -hex 32`)');
  }
  const demo = bool(env, 'KABINET_DEMO') ?? defaults.demo ?? false;
  if (!demo && secret === undefined) {
    throw new ConfigError('KABINET_SECRET', 'is required outside demo mode (e.g. `openssl rand -hex 32`)');
  }
  const trustProxy =
    env.KABINET_TRUST_PROXY?.trim() === 'false' ? false : cidrList(env, 'KABINET_TRUST_PROXY');
  const smppUrl = env.SMPP_URL || undefined;
  if (smppUrl !== undefined) {
    try {
      parseSmppUrl(smppUrl);
    } catch (err) {
      throw new ConfigError('SMPP_URL', `${(err as Error).message} (smpp://system_id:password@host:port)`);
    }
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL');
  }
  const acquirer = acquirerSettings(env);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: env.KABINET_DATA_DIR || '.kabinet',
    embeddedPgPort: int(env, 'KABINET_PG_PORT', 0, 0, 65535),
    dbPool: int(env, 'KABINET_DB_POOL', defaultPoolSize(), 2, 500),
    demo,
    secret,
    timeZone,
    logLevel,
    trustProxy,
    webDist: env.KABINET_WEB_DIST || defaults.webDist,
    enrichment: {
      trustedGateways: cidrList(env, 'KABINET_ENRICHMENT_GATEWAYS'),
      header: (env.KABINET_ENRICHMENT_HEADER || 'x-msisdn').toLowerCase(),
    },
    channels: {
      smppUrl,
      smppWindow: int(env, 'SMPP_WINDOW', 10, 1, 100),
      smtpUrl,
      mailFrom: env.KABINET_MAIL_FROM || 'Kabinet <noreply@kabinet.localhost>',
    },
    webauthn: {
      rpId: env.KABINET_RP_ID || undefined,
      rpName: env.KABINET_RP_NAME || 'Kabinet',
      origins: (env.KABINET_ORIGINS || '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    acquirer,
  };
}
