import { describe, expect, it } from 'vitest';
import { defaultPreference, NOTIFICATION_EVENTS, preferenceMatrix } from './events.ts';
import { LINE_NOTICES, renderNotification } from './render.ts';

describe('notification preferences', () => {
  it('NOTIF-01 defaults: in-app for all, SMS for low balance (not logins: ACCESS-11 switch), email off', () => {
    expect(NOTIFICATION_EVENTS.every((e) => defaultPreference(e, 'in_app'))).toBe(true);
    expect(defaultPreference('low_balance', 'sms')).toBe(true);
    expect(defaultPreference('logins', 'sms')).toBe(false);
    expect(defaultPreference('charges', 'sms')).toBe(false);
    expect(NOTIFICATION_EVENTS.some((e) => defaultPreference(e, 'email'))).toBe(false);
  });

  it('NOTIF-01 stored choices override the defaults and unknown events are ignored', () => {
    const matrix = preferenceMatrix([
      { event: 'charges', channel: 'sms', enabled: true },
      { event: 'logins', channel: 'sms', enabled: false },
      { event: 'nonsense', channel: 'sms', enabled: true },
    ]);
    expect(matrix.charges.sms).toBe(true);
    expect(matrix.logins.sms).toBe(false);
    expect(Object.keys(matrix)).toHaveLength(NOTIFICATION_EVENTS.length);
  });

  it('NOTIF-01 renders every event in Russian and English with its parameters', () => {
    expect(renderNotification('top_ups', { amount: 50000 }, 'ru').body).toBe('Баланс пополнен на 500,00 ₽.');
    expect(renderNotification('low_balance', { balance: 1234 }, 'en').body).toBe(
      'Balance: 12,34 ₽. Please top up.',
    );
    expect(
      renderNotification('low_balance', { notice: 'funds_out', balance: 0, date: '12.03.2026' }, 'ru').body,
    ).toBe('Баланс 0,00 ₽. Пополните счёт до 12.03.2026, иначе исходящая связь будет приостановлена.');
    expect(renderNotification('logins', { method: 'password', device: 'Firefox' }, 'en').body).toBe(
      'New login: password, Firefox. If it was not you, change your password.',
    );
    expect(renderNotification('charges', { amount: 45000, fee: 'tariff', code: 'BASIC' }, 'ru').body).toBe(
      'Списано 450,00 ₽. Абонентская плата по тарифу BASIC.',
    );
    expect(renderNotification('charges', { amount: 300, fee: 'inactivity' }, 'en').body).toBe(
      'Charged 3,00 ₽. Inactive number fee.',
    );
    for (const notice of LINE_NOTICES) {
      const ru = renderNotification('low_balance', { notice }, 'ru');
      expect(ru.body).not.toBe(renderNotification('low_balance', { notice }, 'en').body);
      expect(ru.body).not.toBe(renderNotification('low_balance', {}, 'ru').body);
    }
    for (const event of NOTIFICATION_EVENTS) {
      expect(renderNotification(event, {}, 'ru').title).not.toBe(renderNotification(event, {}, 'en').title);
    }
  });
});

describe('money notices', () => {
  it('BONUS-02 a redemption and a gift are worded with the reward, not as an empty charge', () => {
    const params = {
      notice: 'bonus_redeemed',
      points: 150,
      reward_ru: '100 минут',
      reward_en: '100 minutes',
    };
    expect(renderNotification('charges', params, 'ru').body).toBe('Списано 150 баллов: «100 минут».');
    expect(renderNotification('charges', params, 'en').body).toBe('150 points spent: “100 minutes”.');
    const gift = { notice: 'bonus_gift', reward_ru: '5 ГБ', reward_en: '5 GB' };
    expect(renderNotification('top_ups', gift, 'ru').title).toBe('Подарок за бонусы');
  });

  it('PAY-05 the automatic debit of a promised payment says what it is in both languages', () => {
    expect(renderNotification('charges', { amount: 20_000, fee: 'promised' }, 'ru').body).toContain(
      'Погашение обещанного платежа.',
    );
    expect(renderNotification('charges', { amount: 20_000, fee: 'promised' }, 'en').body).toContain(
      'Promised payment repaid.',
    );
  });

  it('PAY-10 an issued invoice says the month and the amount due, not "charged"', () => {
    const params = { amount: 123_450, fee: 'invoice', code: '2026-11' };
    expect(renderNotification('charges', params, 'ru').body).toMatch(
      /^Выставлен счёт за 2026-11: к оплате 1\s234,50\s₽\.$/,
    );
    expect(renderNotification('charges', params, 'en').title).toBe('Invoice');
  });
});
