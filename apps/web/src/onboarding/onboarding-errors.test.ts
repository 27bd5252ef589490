import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { fieldWords, formErrorWords } from './onboarding-errors';

const problem = (status: number, code: string, errors?: Array<[string, string]>, extra = {}) =>
  new ApiError({
    type: 'about:blank',
    title: code,
    status,
    code,
    errors: errors?.map(([field, code]) => ({ field, code, message: `${field} ${code}` })),
    ...extra,
  });

describe('join pages errors', () => {
  it('SVC-13 words the MNP date rule and the attempts left under their fields, in both languages', () => {
    const early = problem(400, 'validation_failed', [
      ['desiredDate', 'too_early'],
      ['number', 'not_portable'],
    ]);
    expect(fieldWords(ru, early, 'desiredDate')).toEqual([ru.onboarding.errors.tooEarly]);
    expect(fieldWords(en, early, 'desiredDate')).toEqual([en.onboarding.errors.tooEarly]);
    expect(fieldWords(ru, early, 'number')).toEqual([ru.onboarding.errors.number]);
    expect(fieldWords(ru, early, 'fullName')).toEqual([]);
    // The fields say it all: nothing more above the button.
    expect(formErrorWords(ru, early)).toBeNull();
    const code = problem(400, 'validation_failed', [['code', 'invalid_code']], { attemptsLeft: 2 });
    expect(fieldWords(ru, code, 'code')).toEqual(['Неверный код. Осталось попыток: 2.']);
  });

  it('SVC-13 words every conflict of the contract differently, and an unknown order without a hint', () => {
    const codes = ['already_ours', 'port_in_pending', 'number_taken', 'code_expired', 'not_found'];
    for (const dictionary of [ru, en]) {
      const words = codes.map((c) => formErrorWords(dictionary, problem(409, c)));
      expect(new Set(words).size).toBe(codes.length);
    }
    expect(formErrorWords(ru, problem(404, 'not_found'))).toBe(ru.onboarding.status.notFound);
  });
});
