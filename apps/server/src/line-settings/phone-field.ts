import { parsePhone } from '@kabinet/core';
import { settingsProblems } from './errors.ts';
import type { SettingsLine } from './settings-line.ts';

/**
 * A number typed in any common format as E.164, for the body field `field`: 400 `invalid_phone` when it is not
 * a number, 400 `own_number` when it is the line's own number.
 */
export function phoneField(field: string, input: string, line: SettingsLine): string {
  const parsed = parsePhone(input);
  if (!parsed.ok) throw settingsProblems.invalidPhone(field);
  if (parsed.msisdn === line.msisdn) throw settingsProblems.ownNumber(field);
  return parsed.msisdn;
}
