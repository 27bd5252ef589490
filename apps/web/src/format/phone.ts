const RU_MSISDN = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/;

/** "+79123456789" → "+7 912 345-67-89"; anything else is returned unchanged. */
export function formatMsisdn(msisdn: string): string {
  const m = RU_MSISDN.exec(msisdn);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : msisdn;
}

/**
 * Best-effort E.164 for what a person typed ("8 (912) 345-67-89", "9123456789", "+7 912…"). Only the
 * virtual phone uses it, to offer the typed number in its selector; the server remains the authority on
 * what a valid number is. Returns null when the input does not look like a full number yet.
 */
export function toE164(input: string): string | null {
  const digits = input.replace(/\D/g, '');
  if (input.trim().startsWith('+')) {
    return digits.length >= 11 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7')))
    return `+7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `+7${digits}`;
  return null;
}

/**
 * A number (masked or not) that must not break across lines: "+7 912 ***-**-89" would otherwise wrap at a
 * space or a hyphen and read as two numbers. Non-breaking space and non-breaking hyphen keep it whole.
 */
export function unbreakable(phone: string): string {
  return phone.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
}
