import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

const DEFAULT_SMDP_ADDRESS = 'smdp.kabinet.example';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The SM-DP+ server eSIM profiles are downloaded from: `KABINET_SMDP_ADDRESS`, `smdp.kabinet.example` if unset. */
export function smdpAddress(): string {
  return process.env.KABINET_SMDP_ADDRESS?.trim() || DEFAULT_SMDP_ADDRESS;
}

/** A fresh eSIM activation code `LPA:1$<SM-DP+ address>$<matching id>`, the matching id 24 random characters. */
export function newActivationCode(): string {
  const bytes = randomBytes(24);
  let groups = '';
  for (const [i, b] of bytes.entries()) {
    if (i > 0 && i % 4 === 0) groups += '-';
    groups += ALPHABET[b % ALPHABET.length];
  }
  return `LPA:1$${smdpAddress()}$${groups}`;
}

/** The activation code as a QR code, an SVG document the phone's camera reads. */
export function activationQr(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
