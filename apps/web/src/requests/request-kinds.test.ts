import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { serverRequestKinds } from '../journal/server-vocabulary';

describe('request kinds', () => {
  const kinds = serverRequestKinds();

  it('SVC-11 finds the request kinds the server writes, through every helper', () => {
    for (const kind of ['tariff_change', 'service_revert', 'sim_unblock', 'roaming_change', 'debt_unblock']) {
      expect(kinds).toContain(kind);
    }
  });

  it('SVC-11 names every request kind the server writes in Russian and English', () => {
    const unnamed = (names: Record<string, string>) => [...kinds].filter((kind) => !names[kind]?.trim());
    expect(unnamed(ru.requests.kinds)).toEqual([]);
    expect(unnamed(en.requests.kinds)).toEqual([]);
    expect(Object.keys(en.requests.kinds).sort()).toEqual(Object.keys(ru.requests.kinds).sort());
  });
});
