import { describe, expect, it } from 'vitest';
import { parseUssd, walkConfirm, walkMenu } from './dialogue.ts';
import { fitScreen, USSD_MAX_CHARS } from './limits.ts';
import {
  balanceScreen,
  chargesScreen,
  formatUssdReply,
  menuScreen,
  newPasswordScreen,
  packagesScreen,
  refusalScreen,
  tariffScreen,
} from './screens.ts';
import { USSD_TEXTS } from './texts.ts';

describe('USSD dialogue', () => {
  it('CHAN-03 maps every documented code to its service and unknown codes to the menu', () => {
    expect(parseUssd('*100#', '')).toMatchObject({ ok: true, service: 'balance', known: true });
    expect(parseUssd(' *110*9# ', '')).toMatchObject({ ok: true, service: 'new_password' });
    expect(parseUssd('*110*0221#', '')).toMatchObject({ ok: true, service: 'ban_email_detalization' });
    expect(parseUssd('*999#', '')).toMatchObject({ ok: true, service: 'menu', known: false });
  });

  it('CHAN-03 refuses codes and texts that are not digits, stars and hashes', () => {
    expect(parseUssd('hello', '')).toEqual({ ok: false, reason: 'bad_service_code' });
    expect(parseUssd('*100#', '1*abc')).toEqual({ ok: false, reason: 'bad_text' });
    expect(parseUssd('*100#', '1**2')).toEqual({ ok: false, reason: 'bad_text' });
    expect(parseUssd('*105#', '1*2')).toMatchObject({ ok: true, choices: ['1', '2'] });
  });

  it('CHAN-03 walks the *105# menu forward, back with 0, and flags wrong choices', () => {
    expect(walkMenu([])).toEqual({ screen: 'menu', invalid: false });
    expect(walkMenu(['2'])).toEqual({ screen: 'packages', invalid: false });
    expect(walkMenu(['2', '0'])).toEqual({ screen: 'menu', invalid: false });
    expect(walkMenu(['2', '0', '5'])).toEqual({ screen: 'last_charges', invalid: false });
    expect(walkMenu(['9'])).toEqual({ screen: 'menu', invalid: true });
    expect(walkMenu(['3', '7'])).toEqual({ screen: 'menu', invalid: true });
  });

  it('CHAN-03 asks before a new password and reads yes, no and anything else', () => {
    expect(walkConfirm([])).toBe('ask');
    expect(walkConfirm(['1'])).toBe('yes');
    expect(walkConfirm(['2'])).toBe('no');
    expect(walkConfirm(['5'])).toBe('ask_again');
    expect(walkConfirm(['5', '1'])).toBe('yes');
  });
});

describe('USSD screens', () => {
  it('CHAN-03 formats the balance in each language with CON/END on the wire', () => {
    expect(formatUssdReply(balanceScreen('ru', 123_456n))).toBe('END Баланс: 1 234,56 руб.');
    expect(formatUssdReply(balanceScreen('en', -500n))).toBe('END Balance: -5,00 RUB');
    expect(formatUssdReply(menuScreen('en'))).toMatch(/^CON Kabinet\n1 Balance/);
  });

  it('CHAN-03 keeps every screen within 182 characters in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      const longName = 'Очень длинное название пакета '.repeat(5);
      const screens = [
        menuScreen(lang, true),
        packagesScreen(
          lang,
          Array.from({ length: 12 }, (_, i) => ({
            name: `${longName}${i}`,
            remaining: 99999,
            unit: 'mb' as const,
          })),
        ),
        tariffScreen(lang, { name: 'Т'.repeat(300), fee: 999_999_99n, period: 'month' }),
        chargesScreen(
          lang,
          Array.from({ length: 9 }, () => ({ at: '23.11 14:05', amount: 99_999_99n })),
          true,
        ),
        newPasswordScreen(lang, 'ask_again'),
        refusalScreen(lang, 'malformed'),
      ];
      for (const screen of screens) expect(screen.text.length).toBeLessThanOrEqual(USSD_MAX_CHARS);
    }
  });

  it('CHAN-03 drops list rows before cutting text, and always keeps the way back', () => {
    const packages = Array.from({ length: 20 }, (_, i) => ({
      name: `Пакет ${i}`,
      remaining: i,
      unit: 'min' as const,
    }));
    const text = packagesScreen('ru', packages).text;
    expect(text.endsWith(USSD_TEXTS.ru.back)).toBe(true);
    expect(text).toContain('Пакет 0: 0 мин');
    expect(text).not.toContain('Пакет 19');
    expect(text).not.toContain('…');
    const cut = tariffScreen('ru', { name: 'Я'.repeat(400), fee: 1n, period: 'day' }).text;
    expect(cut).toContain('…');
    expect(cut.endsWith('0 Меню')).toBe(true);
  });

  it('CHAN-03 shows at most the 5 newest charges', () => {
    const charges = Array.from({ length: 8 }, (_, i) => ({ at: `0${i}.11 10:00`, amount: 100n }));
    const screen = chargesScreen('ru', charges, false);
    expect(screen.end).toBe(true);
    expect(screen.text.split('\n')).toHaveLength(6);
  });

  it('CHAN-03 cuts an oversized single line with an ellipsis to exactly the limit', () => {
    expect(fitScreen(['x'.repeat(500)])).toHaveLength(USSD_MAX_CHARS);
    expect(fitScreen(['short'])).toBe('short');
  });
});
