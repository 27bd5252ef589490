import { decodeGsm7, gsm7Septets, isGsm7 } from './gsm7.ts';

/**
 * Splits a text into SMS parts. GSM 03.38 fits 160 septets in one SMS and 153 per part when concatenated (the
 * 6-octet UDH takes 7 septets); UCS-2 (Cyrillic) fits 70 characters, 67 per part. A part never ends inside an
 * extension escape or a UTF-16 surrogate pair, so each part decodes on its own.
 */

/** SMPP data_coding: 0 = SMSC default alphabet (GSM 03.38), 8 = UCS-2; +0x10 = message class 0 ("flash"). */
export type DataCoding = 0x00 | 0x08 | 0x10 | 0x18;

export interface SmsEncoding {
  dataCoding: DataCoding;
  /** Payload of each part, without UDH. */
  parts: Buffer[];
}

export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

/** Chooses the alphabet and splits `text` into parts that fit one SMS each. `flash` sets message class 0. */
export function encodeSms(text: string, options: { flash?: boolean } = {}): SmsEncoding {
  const flash = options.flash ? 0x10 : 0x00;
  if (isGsm7(text)) {
    const units = [...text].map((ch) => gsm7Septets(ch) as number[]);
    const total = units.reduce((n, u) => n + u.length, 0);
    const parts = total <= GSM7_SINGLE ? [units.flat()] : pack(units, GSM7_PART).map((p) => p.flat());
    return { dataCoding: (0x00 | flash) as DataCoding, parts: parts.map((p) => Buffer.from(p)) };
  }
  // UCS-2 counts UTF-16 code units; a character beyond the BMP (an emoji) is a surrogate pair of two units.
  const units = [...text];
  const total = text.length;
  const chunks = total <= UCS2_SINGLE ? [units] : packBy(units, UCS2_PART, (ch) => ch.length);
  return {
    dataCoding: (0x08 | flash) as DataCoding,
    parts: chunks.map((chunk) => Buffer.from(chunk.join(''), 'utf16le').swap16()),
  };
}

function pack(units: number[][], limit: number): number[][][] {
  return packBy(units, limit, (u) => u.length);
}

function packBy<T>(units: T[], limit: number, size: (u: T) => number): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const unit of units) {
    const n = size(unit);
    if (used + n > limit) {
      parts.push(current);
      current = [];
      used = 0;
    }
    current.push(unit);
    used += n;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** The concatenation UDH (IEI 0x00, 8-bit reference): `05 00 03 ref total seq`. */
export function concatUdh(reference: number, total: number, sequence: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, sequence]);
}

/** Decodes one part's payload (without UDH) for a data_coding. */
export function decodeSmsPayload(payload: Uint8Array, dataCoding: number): string {
  if ((dataCoding & 0x0f) === 0x08) return Buffer.from(payload).swap16().toString('utf16le');
  if ((dataCoding & 0x0f) === 0x00) return decodeGsm7(payload);
  // 0x01 IA5/ASCII and 0x03 Latin-1 are what some centres send for plain text.
  return Buffer.from(payload).toString('latin1');
}

/** Splits a short_message with UDHI set into its concatenation info and payload; `undefined` info if none. */
export function parseUdh(message: Uint8Array): {
  concat?: { reference: number; total: number; sequence: number };
  payload: Buffer;
} {
  const buf = Buffer.from(message);
  const udhLength = buf[0] ?? 0;
  const payload = buf.subarray(udhLength + 1);
  let cursor = 1;
  while (cursor < udhLength + 1) {
    const iei = buf[cursor] as number;
    const len = buf[cursor + 1] as number;
    if (iei === 0x00 && len === 3) {
      return {
        concat: {
          reference: buf[cursor + 2] as number,
          total: buf[cursor + 3] as number,
          sequence: buf[cursor + 4] as number,
        },
        payload,
      };
    }
    if (iei === 0x08 && len === 4) {
      return {
        concat: {
          reference: buf.readUInt16BE(cursor + 2),
          total: buf[cursor + 4] as number,
          sequence: buf[cursor + 5] as number,
        },
        payload,
      };
    }
    cursor += 2 + len;
  }
  return { payload };
}
