import { describe, expect, it } from 'vitest';
import { sendAllowance, settingsMessages, settingsSms } from './settings-sms.ts';

describe('device settings SMS', () => {
  it('SVC-12 words the internet and MMS settings for each kind of phone', () => {
    expect(settingsSms('android', 'internet')).toContain('APN internet.kabinet');
    expect(settingsSms('android', 'internet')).toContain('Точки доступа');
    expect(settingsSms('iphone', 'mms')).toContain('Сотовая сеть передачи данных');
    expect(settingsSms('other', 'mms')).toContain('MMSC http://mms.kabinet.ru');
    // One SMS per item, each item once, in a fixed order; every text fits two SMS parts in UCS-2 (2 × 67).
    const messages = settingsMessages('android', ['mms', 'internet', 'mms']);
    expect(messages.map((m) => m.item)).toEqual(['internet', 'mms']);
    for (const m of messages) expect(m.body.length).toBeLessThanOrEqual(134 * 2);
  });

  it('SVC-12 allows three sends per rolling hour and says when the next one is possible', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    expect(sendAllowance([minutesAgo(10), minutesAgo(20)], now)).toEqual({ allowed: true });
    expect(sendAllowance([minutesAgo(10), minutesAgo(20), minutesAgo(50)], now)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
    // A send older than an hour no longer counts.
    expect(sendAllowance([minutesAgo(10), minutesAgo(20), minutesAgo(61)], now)).toEqual({ allowed: true });
  });
});
