import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { dayText } from './day-text';
import { historyErrorMessage } from './history-errors';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: 'about:blank', title: code, status, code, ...extra });

describe('history screen words', () => {
  it('SVC-10 words every refusal of the revert in both languages, the date field errors by their code', () => {
    const refusals = [
      problem(400, 'validation_failed', { errors: [{ field: 'date', code: 'in_future', message: '' }] }),
      problem(400, 'validation_failed', { errors: [{ field: 'date', code: 'before_history', message: '' }] }),
      problem(400, 'validation_failed', { errors: [{ field: 'date', code: 'invalid_date', message: '' }] }),
      problem(409, 'nothing_to_revert'),
      problem(409, 'plan_changed'),
      problem(402, 'insufficient_funds', { required: 80_00, available: 10_00 }),
    ];
    for (const dictionary of [ru, en]) {
      const words = refusals.map((error) => historyErrorMessage(dictionary, 'ru', error));
      expect(new Set(words).size).toBe(refusals.length);
    }
    expect(historyErrorMessage(ru, 'ru', refusals[5])).toContain('80');
  });

  it('SVC-10 shows a calendar day as that day whatever the browser time zone', () => {
    expect(dayText('ru-RU', '2026-03-01')).toBe('1 марта 2026 г.');
    expect(dayText('en-GB', '2026-12-31')).toBe('31 December 2026');
  });
});
