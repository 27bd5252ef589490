/**
 * GSM 03.38 (3GPP TS 23.038) 7-bit default alphabet and its extension table. SMPP carries it unpacked: one septet
 * per octet, so `encodeGsm7` returns one byte per septet; an extension character costs two septets (ESC + code),
 * which is why length limits are counted in septets, not characters.
 */

/** The 128 characters of the default alphabet, at their septet values; 0x1B is the escape to the extension table. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Extension table: reached by ESC (0x1B) followed by these septets. */
const EXTENSION: Record<string, number> = {
  '\f': 0x0a,
  '^': 0x14,
  '{': 0x28,
  '}': 0x29,
  '\\': 0x2f,
  '[': 0x3c,
  '~': 0x3d,
  ']': 0x3e,
  '|': 0x40,
  '€': 0x65,
};

export const GSM7_ESCAPE = 0x1b;

const basicIndex = new Map<string, number>();
for (let i = 0; i < BASIC.length; i++) {
  const ch = BASIC[i] as string;
  if (i !== GSM7_ESCAPE) basicIndex.set(ch, i);
}
const extensionByCode = new Map<number, string>(Object.entries(EXTENSION).map(([ch, code]) => [code, ch]));

/** Number of characters in the default alphabet table (always 128; exported for the tests). */
export const GSM7_BASIC_SIZE = BASIC.length;

/** The septets of one character, or undefined when the character is not in GSM 03.38. */
export function gsm7Septets(ch: string): number[] | undefined {
  const basic = basicIndex.get(ch);
  if (basic !== undefined) return [basic];
  const ext = EXTENSION[ch];
  if (ext !== undefined) return [GSM7_ESCAPE, ext];
  return undefined;
}

/** Whether every character of `text` can be sent in the 7-bit default alphabet. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (gsm7Septets(ch) === undefined) return false;
  return true;
}

/** Septet count of `text` (extension characters count twice); throws on a character outside GSM 03.38. */
export function gsm7Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const septets = gsm7Septets(ch);
    if (!septets) throw new RangeError(`not a GSM 03.38 character: U+${ch.codePointAt(0)?.toString(16)}`);
    n += septets.length;
  }
  return n;
}

/** Encodes `text` as unpacked septets (one per byte); throws on a character outside GSM 03.38. */
export function encodeGsm7(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const septets = gsm7Septets(ch);
    if (!septets) throw new RangeError(`not a GSM 03.38 character: U+${ch.codePointAt(0)?.toString(16)}`);
    out.push(...septets);
  }
  return Buffer.from(out);
}

/** Decodes unpacked septets; an unknown extension code decodes as a space, as the standard recommends. */
export function decodeGsm7(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const septet = (bytes[i] as number) & 0x7f;
    if (septet === GSM7_ESCAPE) {
      const next = (bytes[++i] ?? 0) & 0x7f;
      out += extensionByCode.get(next) ?? ' ';
    } else {
      out += BASIC[septet];
    }
  }
  return out;
}
