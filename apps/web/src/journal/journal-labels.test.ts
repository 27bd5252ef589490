import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { serverJournalActions } from './server-vocabulary';

describe('journal labels', () => {
  const { values, unknownTemplates } = serverJournalActions();

  it('ACCESS-12 finds the journal actions the server writes, templates included', () => {
    expect(unknownTemplates).toEqual([]);
    // Guards the scan itself: actions written through helpers and templates must be among those found.
    for (const action of [
      'history.reverted',
      'line.blocked_for_debt',
      'sim.unblocked',
      'sms_command.unknown',
    ]) {
      expect(values).toContain(action);
    }
    expect(values).toContain('auth.phone_confirm_expired');
    expect(values).toContain('sms_command.new_password');
  });

  it('ACCESS-12 words every journal action the server writes in Russian and English', () => {
    const unworded = (labels: Record<string, string>) =>
      [...values].filter((action) => !labels[action]?.trim());
    expect(unworded(ru.journal.actions)).toEqual([]);
    expect(unworded(en.journal.actions)).toEqual([]);
  });

  it('ACCESS-12 keeps the English and Russian action lists the same', () => {
    expect(Object.keys(en.journal.actions).sort()).toEqual(Object.keys(ru.journal.actions).sort());
  });
});
