import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../config.ts';

const base = { KABINET_DEMO: 'true' };

describe('NOTIF-02 channel configuration', () => {
  it('NOTIF-02 SMPP_URL and SMTP_URL select the transports, with a window of 10 by default', () => {
    const config = loadConfig({
      ...base,
      SMPP_URL: 'smpp://kab:pw@smsc.local:2775',
      SMTP_URL: 'smtp://relay.local:25',
    });
    expect(config.channels).toEqual({
      smppUrl: 'smpp://kab:pw@smsc.local:2775',
      smppWindow: 10,
      smtpUrl: 'smtp://relay.local:25',
      mailFrom: 'Kabinet <noreply@kabinet.localhost>',
    });
    expect(loadConfig(base).channels.smppUrl).toBeUndefined();
  });

  it('NOTIF-02 a malformed SMPP_URL or SMTP_URL stops the start naming the variable, never echoing the password', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig({ ...base, ...env });
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('accepted');
    };
    const smpp = bad({ SMPP_URL: 'smpp://:secretpw@host' });
    expect(smpp.variable).toBe('SMPP_URL');
    expect(smpp.message).not.toContain('secretpw');
    expect(bad({ SMTP_URL: 'mailto:x@y' }).variable).toBe('SMTP_URL');
    expect(bad({ SMPP_WINDOW: '0' }).variable).toBe('SMPP_WINDOW');
  });
});
