import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { catalogText, onlyTheseFields, settingErrorMessage, settingFieldMessages } from './setting-errors';

const invalid = (...errors: Array<[string, string]>) =>
  new ApiError({
    type: 'about:blank',
    title: 'Validation failed',
    status: 400,
    code: 'validation_failed',
    errors: errors.map(([field, code]) => ({ field, code, message: `${field} ${code}` })),
  });

describe('line settings errors', () => {
  it('SVC-06 words every field code of forwarding under its field, in both languages', () => {
    const error = invalid(['target', 'own_number'], ['delaySeconds', 'invalid_value']);
    expect(settingFieldMessages(ru, error, 'target')).toEqual([ru.lineSettings.errors.ownNumber]);
    expect(settingFieldMessages(en, error, 'delaySeconds')).toEqual([en.lineSettings.errors.invalidDelay]);
    expect(settingFieldMessages(ru, invalid(['target', 'required']), 'target')).toEqual([
      ru.lineSettings.errors.required,
    ]);
    expect(settingFieldMessages(en, invalid(['target', 'invalid_phone']), 'target')).toEqual([
      en.lineSettings.errors.invalidPhone,
    ]);
    expect(onlyTheseFields(error, ['target', 'delaySeconds'])).toBe(true);
    expect(onlyTheseFields(error, ['target'])).toBe(false);
  });

  it('SVC-07 says "own number" in the blacklist’s own words, and words the blacklist conflicts', () => {
    const own = invalid(['number', 'own_number']);
    expect(settingFieldMessages(ru, own, 'number', ru.lineSettings.errors.ownNumberBlacklist)).toEqual([
      ru.lineSettings.errors.ownNumberBlacklist,
    ]);
    const full = new ApiError({
      type: 'about:blank',
      title: 'Full',
      status: 409,
      code: 'blacklist_full',
      limit: 100,
    });
    expect(settingErrorMessage(en, 'en', full)).toBe(en.lineSettings.errors.blacklistFull(100));
    const again = new ApiError({
      type: 'about:blank',
      title: 'Again',
      status: 409,
      code: 'already_blacklisted',
    });
    expect(settingErrorMessage(ru, 'ru', again)).toBe(ru.lineSettings.errors.alreadyBlacklisted);
  });

  it('SVC-04 reads catalog texts localised or plain', () => {
    expect(catalogText({ ru: 'Запрет', en: 'Ban' }, 'en')).toBe('Ban');
    expect(catalogText('Запрет', 'en')).toBe('Запрет');
  });
});
