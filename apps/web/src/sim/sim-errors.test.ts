import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { svgDataUrl } from './esim-code';
import { onlyField, simErrorMessage, simFieldMessages } from './sim-errors';
import { suspensionEnd } from './suspension-end';

const problem = (status: number, code: string, errors?: Array<[string, string]>) =>
  new ApiError({
    type: 'about:blank',
    title: code,
    status,
    code,
    errors: errors?.map(([field, code]) => ({ field, code, message: `${field} ${code}` })),
  });

describe('suspension and SIM', () => {
  it('PLAN-06 SVC-09 words every conflict of the contract in both languages', () => {
    const codes = [
      'not_available',
      'line_not_active',
      'not_suspended',
      'already_blocked',
      'replacement_pending',
      'line_blocked',
    ];
    for (const dictionary of [ru, en]) {
      const words = codes.map((code) => simErrorMessage(dictionary, 'ru', problem(409, code)));
      expect(new Set(words).size).toBe(codes.length);
      for (const word of words) expect(Object.values(dictionary.sim.errors)).toContain(word);
    }
  });

  it('PLAN-06 SVC-09 words the field errors of days and pickupOffice under their fields', () => {
    const large = problem(400, 'validation_failed', [['days', 'too_large']]);
    expect(simFieldMessages(ru, large, 'days', 180)).toEqual([ru.sim.errors.daysTooLarge(180)]);
    expect(simFieldMessages(en, problem(400, 'validation_failed', [['days', 'too_small']]), 'days')).toEqual([
      en.sim.errors.daysTooSmall,
    ]);
    const office = problem(400, 'validation_failed', [['pickupOffice', 'too_short']]);
    expect(simFieldMessages(ru, office, 'pickupOffice')).toEqual([ru.sim.errors.officeLength]);
    expect(onlyField(office, 'pickupOffice')).toBe(true);
    expect(onlyField(office, 'days')).toBe(false);
  });

  it('PLAN-06 ends a suspension at the start of the day `days` days ahead in the operator zone', () => {
    // 23:30 in Moscow on 1 March is 20:30 UTC: "today" is 1 March there, not 2 March.
    expect(suspensionEnd(1, new Date('2027-03-01T20:30:00Z')).slice(0, 10)).toBe('2027-03-02');
    expect(suspensionEnd(30, new Date('2027-03-01T20:30:00Z')).slice(0, 10)).toBe('2027-03-31');
    // 00:30 in Moscow on 2 March is still 1 March in UTC.
    expect(suspensionEnd(1, new Date('2027-03-01T21:30:00Z')).slice(0, 10)).toBe('2027-03-03');
  });

  it('SVC-09 puts the QR SVG in a data URL, escaped, never as markup', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>#');
    expect(url.startsWith('data:image/svg+xml;utf8,%3Csvg')).toBe(true);
    expect(url).not.toMatch(/[<>"#]/);
  });
});
