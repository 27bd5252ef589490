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
});
