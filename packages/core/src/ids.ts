/** Entity ids carry their kind, so that a log line says what it is: `line_…`, `acc_…`, `pay_…`. */
export const ID_PREFIXES = {
  customer: 'cus',
  account: 'acc',
  line: 'line',
  login: 'lgn',
  grant: 'grt',
  session: 'ses',
  tariff: 'trf',
  option: 'opt',
  package: 'pkg',
  bucket: 'bkt',
  ledgerAccount: 'la',
  transfer: 'tr',
  payment: 'pay',
  usage: 'cdr',
  request: 'req',
  message: 'msg',
  code: 'otp',
  passkey: 'pk',
  challenge: 'chl',
  phoneConfirmation: 'pcf',
  blacklistEntry: 'blk',
  simCard: 'sim',
  notification: 'ntf',
  // Issue 6: money.
  sandboxPayment: 'sbx',
  webhookEvent: 'whe',
  savedCard: 'card',
  voucher: 'vch',
  mobileTransfer: 'mtr',
  promisedPayment: 'prm',
  autopay: 'ap',
  autopayRun: 'apr',
  invoice: 'inv',
  trustPayment: 'tp',
  bonusEntry: 'bon',
  reward: 'rwd',
  redemption: 'rdm',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random bytes for ids, drawn from the system in blocks (one call per 100 ids, not per id). */
const entropy = new Uint8Array(1000);
let used = entropy.length;

/** A new id: prefix, underscore, a time-ordered part (sorts by creation) and 10 random base-36 characters. */
export function newId(kind: IdKind, now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  if (used + 10 > entropy.length) {
    globalThis.crypto.getRandomValues(entropy);
    used = 0;
  }
  let random = '';
  // 256 % 36 leaves a slight bias; ids need uniqueness, not uniform secrecy.
  for (let i = used; i < used + 10; i++) random += ALPHABET[(entropy[i] as number) % 36];
  used += 10;
  return `${ID_PREFIXES[kind]}_${time}${random}`;
}
