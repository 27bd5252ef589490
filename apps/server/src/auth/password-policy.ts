import { readFileSync } from 'node:fs';
import type { FieldError } from '../http/problem.ts';

/** ACCESS-02 (NIST 800-63B §5.1.1.2, ASVS 6.2.x): length in Unicode code points, no composition rules. */
export const PASSWORD_POLICY = { minLength: 8, maxLength: 128 } as const;

/** Read once at start; lower case. */
const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

/** Control characters (newlines, tabs, NUL …) cannot be typed into a password field; anything printable can. */
const CONTROL = /\p{Cc}/u;

/**
 * Checks a new password against the policy: 8–128 code points, printable, not in the common-passwords list.
 * Returns the field error for `field`, or null when the password is acceptable.
 */
export function checkNewPassword(password: string, field = 'newPassword'): FieldError | null {
  const length = [...password].length;
  if (length < PASSWORD_POLICY.minLength)
    return { field, code: 'too_short', message: `At least ${PASSWORD_POLICY.minLength} characters.` };
  if (length > PASSWORD_POLICY.maxLength)
    return { field, code: 'too_long', message: `At most ${PASSWORD_POLICY.maxLength} characters.` };
  if (CONTROL.test(password))
    return { field, code: 'invalid_characters', message: 'Only printable characters.' };
  if (COMMON.has(password.toLowerCase()))
    return {
      field,
      code: 'too_common',
      message: 'This password is among the most common ones; choose another.',
    };
  return null;
}
