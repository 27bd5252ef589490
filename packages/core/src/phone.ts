/**
 * Phone numbers in any common Russian notation become E.164 (`+79123456789`). Only Russian/Kazakh numbering
 * (+7, ten national digits) and explicit international numbers with `+` are accepted; anything else is junk.
 */
export type Msisdn = string & { readonly __brand: 'Msisdn' };

export type PhoneParseResult = { ok: true; msisdn: Msisdn } | { ok: false; reason: 'empty' | 'invalid' };

const ALLOWED = /^[\d\s()+\-.]+$/;

export function parsePhone(input: string): PhoneParseResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > 32 || !ALLOWED.test(text)) return { ok: false, reason: 'invalid' };
  const plus = text.startsWith('+');
  if (text.lastIndexOf('+') > 0) return { ok: false, reason: 'invalid' };
  const digits = text.replace(/\D/g, '');
  let national: string | undefined;
  if (plus) {
    if (digits.startsWith('7') && digits.length === 11) national = digits.slice(1);
    else if (!digits.startsWith('7') && digits.length >= 8 && digits.length <= 15 && digits[0] !== '0') {
      return { ok: true, msisdn: `+${digits}` as Msisdn };
    }
  } else if (digits.length === 11 && (digits[0] === '8' || digits[0] === '7')) national = digits.slice(1);
  else if (digits.length === 10) national = digits;
  // A Russian national number starts with 3, 4, 8 or 9 (geographic, toll-free, mobile); 0, 1, 2, 5, 6, 7 are not.
  if (national === undefined || !/^[3489]\d{9}$/.test(national)) return { ok: false, reason: 'invalid' };
  return { ok: true, msisdn: `+7${national}` as Msisdn };
}

/** `+79123456789` → `+7 912 345-67-89`; other numbers are returned as they are. */
export function formatPhone(msisdn: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(msisdn);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : msisdn;
}

/** `+79123456789` → `+7 912 ***-**-89`: enough to recognise one's own number, not to read someone else's. */
export function maskPhone(msisdn: string): string {
  const m = /^\+7(\d{3})\d{5}(\d{2})$/.exec(msisdn);
  return m ? `+7 ${m[1]} ***-**-${m[2]}` : `${msisdn.slice(0, 3)}***${msisdn.slice(-2)}`;
}
