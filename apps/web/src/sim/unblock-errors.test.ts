import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { unblockErrorMessage } from './unblock-errors';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: 'about:blank', title: code, status, code, ...extra });

describe('SIM unblock words', () => {
  it('SVC-09 words every unblock refusal in both languages and says how many attempts are left', () => {
    const codes = [
      'invalid_code',
      'code_expired',
      'too_many_attempts',
      'no_code',
      'too_many_codes',
      'office_only',
      'no_contact',
      'not_blocked',
    ];
    for (const dictionary of [ru, en]) {
      const words = codes.map((code) =>
        unblockErrorMessage(dictionary, problem(409, code, { attemptsLeft: 3 })),
      );
      expect(words.every((w) => typeof w === 'string' && w.length > 0)).toBe(true);
      expect(new Set(words).size).toBe(codes.length);
    }
    expect(unblockErrorMessage(ru, problem(400, 'invalid_code', { attemptsLeft: 2 }))).toContain('2');
    expect(unblockErrorMessage(ru, problem(500, 'internal'))).toBeNull();
  });
});
