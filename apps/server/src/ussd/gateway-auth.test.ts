import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { isUssdGateway, readUssdGatewayConfig } from './gateway-auth.ts';

const SECRET = 'x'.repeat(32);

describe('USSD gateway authentication', () => {
  it('CHAN-03 accepts the right secret or a trusted peer, and nobody when neither is configured', () => {
    const config = { secret: SECRET, trustedGateways: ['10.0.0.0/8'] };
    expect(isUssdGateway(config, SECRET, '192.0.2.1')).toBe(true);
    expect(isUssdGateway(config, `${SECRET}y`, '192.0.2.1')).toBe(false);
    expect(isUssdGateway(config, undefined, '::ffff:10.1.2.3')).toBe(true);
    expect(isUssdGateway(config, ['a', 'b'], '192.0.2.1')).toBe(false);
    expect(isUssdGateway({ secret: undefined, trustedGateways: [] }, '', '127.0.0.1')).toBe(false);
  });

  it('CHAN-03 reads its configuration and names a bad variable', () => {
    expect(
      readUssdGatewayConfig({
        KABINET_USSD_SECRET: SECRET,
        KABINET_USSD_GATEWAYS: '10.0.0.1, 192.168.0.0/16',
      }),
    ).toEqual({
      secret: SECRET,
      trustedGateways: ['10.0.0.1', '192.168.0.0/16'],
    });
    expect(() => readUssdGatewayConfig({ KABINET_USSD_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => readUssdGatewayConfig({ KABINET_USSD_GATEWAYS: 'gateway.local' })).toThrow(
      /KABINET_USSD_GATEWAYS/,
    );
    expect(readUssdGatewayConfig({})).toEqual({ secret: undefined, trustedGateways: [] });
  });
});
