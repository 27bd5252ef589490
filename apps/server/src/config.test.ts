import { defaultPoolSize } from '@kabinet/db';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 'x'.repeat(32);

function errorOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (err) {
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('CHAN-02 starts with defaults in demo mode: port 3000, Moscow time, embedded database', () => {
    const config = loadConfig({}, { demo: true });
    expect(config).toMatchObject({
      port: 3000,
      timeZone: 'Europe/Moscow',
      databaseUrl: undefined,
      demo: true,
    });
  });

  it('CHAN-02 sizes the database pool at two connections per core and one for the session listener', () => {
    expect(loadConfig({ KABINET_SECRET: SECRET, KABINET_DB_POOL: '12' }).dbPool).toBe(12);
    expect(defaultPoolSize(2)).toBe(5);
    expect(defaultPoolSize(8)).toBe(17);
    expect(loadConfig({ KABINET_SECRET: SECRET }).dbPool).toBe(defaultPoolSize());
  });

  it.each([
    [{ PORT: 'abc', KABINET_SECRET: SECRET }, 'PORT'],
    [{ PORT: '70000', KABINET_SECRET: SECRET }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x', KABINET_SECRET: SECRET }, 'DATABASE_URL'],
    [{ KABINET_TIME_ZONE: 'Mars/Olympus', KABINET_SECRET: SECRET }, 'KABINET_TIME_ZONE'],
    [{ KABINET_DEMO: 'maybe', KABINET_SECRET: SECRET }, 'KABINET_DEMO'],
    [{ KABINET_SECRET: 'short' }, 'KABINET_SECRET'],
    [{ KABINET_DEMO: 'false' }, 'KABINET_SECRET'],
    [{ LOG_LEVEL: 'loud', KABINET_SECRET: SECRET }, 'LOG_LEVEL'],
    [{ KABINET_TRUST_PROXY: 'everyone', KABINET_SECRET: SECRET }, 'KABINET_TRUST_PROXY'],
    [{ KABINET_ENRICHMENT_GATEWAYS: '1.2.3', KABINET_SECRET: SECRET }, 'KABINET_ENRICHMENT_GATEWAYS'],
    [{ KABINET_ENRICHMENT_GATEWAYS: '10.0.0.0/33', KABINET_SECRET: SECRET }, 'KABINET_ENRICHMENT_GATEWAYS'],
    [{ KABINET_DB_POOL: '1', KABINET_SECRET: SECRET }, 'KABINET_DB_POOL'],
  ])('CHAN-02 names the bad variable in one line: %j', (env, variable) => {
    const err = errorOf(env);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}: `)).toBe(true);
    expect(err.message).not.toContain('\n');
  });

  it('ACCESS-08 accepts IPv4 and IPv6 gateway ranges', () => {
    const config = loadConfig({
      KABINET_ENRICHMENT_GATEWAYS: '10.20.0.0/16, 2001:db8::/32,192.0.2.7',
      KABINET_SECRET: SECRET,
    });
    expect(config.enrichment.trustedGateways).toEqual(['10.20.0.0/16', '2001:db8::/32', '192.0.2.7']);
  });

  it('CHAN-02 KABINET_DEMO=false turns demo mode off even when the command asks for it', () => {
    expect(loadConfig({ KABINET_DEMO: 'false', KABINET_SECRET: SECRET }, { demo: true }).demo).toBe(false);
  });

  it('PAY-01 the sandbox acquirer is the default, with its optional webhook secret, webhook URL and public URL', () => {
    expect(loadConfig({ KABINET_SECRET: SECRET }).acquirer).toMatchObject({ kind: 'sandbox' });
    const config = loadConfig({
      KABINET_SECRET: SECRET,
      KABINET_PUBLIC_URL: 'https://my.operator.example',
      KABINET_SANDBOX_WEBHOOK_SECRET: 'w'.repeat(32),
      KABINET_SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:3000/api/v1/payments/webhooks/sandbox',
    });
    expect(config.acquirer).toEqual({
      kind: 'sandbox',
      publicUrl: 'https://my.operator.example',
      webhookSecret: 'w'.repeat(32),
      webhookUrl: 'http://127.0.0.1:3000/api/v1/payments/webhooks/sandbox',
    });
  });

  it('PAY-01 KABINET_ACQUIRER=yookassa takes the shop id, secret key and optional API URL', () => {
    const config = loadConfig({
      KABINET_SECRET: SECRET,
      KABINET_ACQUIRER: 'yookassa',
      KABINET_YOOKASSA_SHOP_ID: '123456',
      KABINET_YOOKASSA_SECRET_KEY: 'live_abcdef',
    });
    expect(config.acquirer).toMatchObject({
      kind: 'yookassa',
      yookassa: { shopId: '123456', secretKey: 'live_abcdef', apiUrl: undefined, checkSender: false },
    });
    const local = { KABINET_YOOKASSA_API_URL: 'http://127.0.0.1:8099/v3' };
    expect(
      loadConfig({
        KABINET_SECRET: SECRET,
        KABINET_ACQUIRER: 'yookassa',
        KABINET_YOOKASSA_SHOP_ID: '123456',
        KABINET_YOOKASSA_SECRET_KEY: 'live_abcdef',
        ...local,
      }).acquirer.yookassa?.apiUrl,
    ).toBe('http://127.0.0.1:8099/v3');
    expect(
      loadConfig({
        KABINET_SECRET: SECRET,
        KABINET_ACQUIRER: 'yookassa',
        KABINET_YOOKASSA_SHOP_ID: '123456',
        KABINET_YOOKASSA_SECRET_KEY: 'live_abcdef',
        KABINET_YOOKASSA_CHECK_SENDER: 'true',
      }).acquirer.yookassa?.checkSender,
    ).toBe(true);
  });

  it.each([
    [{ KABINET_ACQUIRER: 'stripe' }, 'KABINET_ACQUIRER'],
    [
      {
        KABINET_ACQUIRER: 'yookassa',
        KABINET_YOOKASSA_SHOP_ID: '123456',
        KABINET_YOOKASSA_SECRET_KEY: 'live_x',
        KABINET_YOOKASSA_CHECK_SENDER: 'maybe',
      },
      'KABINET_YOOKASSA_CHECK_SENDER',
    ],
    [{ KABINET_ACQUIRER: 'yookassa', KABINET_YOOKASSA_SECRET_KEY: 'live_x' }, 'KABINET_YOOKASSA_SHOP_ID'],
    [{ KABINET_ACQUIRER: 'yookassa', KABINET_YOOKASSA_SHOP_ID: 'shop' }, 'KABINET_YOOKASSA_SHOP_ID'],
    [{ KABINET_ACQUIRER: 'yookassa', KABINET_YOOKASSA_SHOP_ID: '123456' }, 'KABINET_YOOKASSA_SECRET_KEY'],
    [
      {
        KABINET_ACQUIRER: 'yookassa',
        KABINET_YOOKASSA_SHOP_ID: '123456',
        KABINET_YOOKASSA_SECRET_KEY: 'live_x',
        KABINET_YOOKASSA_API_URL: 'ftp://x',
      },
      'KABINET_YOOKASSA_API_URL',
    ],
    [
      {
        KABINET_ACQUIRER: 'yookassa',
        KABINET_YOOKASSA_SHOP_ID: '123456',
        KABINET_YOOKASSA_SECRET_KEY: 'live_x',
        KABINET_YOOKASSA_API_URL: 'http://api.yookassa.ru/v3',
      },
      'KABINET_YOOKASSA_API_URL',
    ],
    [{ KABINET_SANDBOX_WEBHOOK_SECRET: 'short' }, 'KABINET_SANDBOX_WEBHOOK_SECRET'],
    [{ KABINET_SANDBOX_WEBHOOK_URL: 'not a url' }, 'KABINET_SANDBOX_WEBHOOK_URL'],
    [{ KABINET_PUBLIC_URL: 'example.com' }, 'KABINET_PUBLIC_URL'],
  ])('PAY-01 stops at start on a bad or missing acquirer setting: %j', (env, variable) => {
    const err = errorOf({ KABINET_SECRET: SECRET, ...env });
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.variable).toBe(variable);
    expect(err.message).not.toContain('live_x');
  });
});
