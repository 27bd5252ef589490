/**
 * SMPP delivery receipts. The state comes from the `message_state` TLV when the centre sends it, else from the
 * de-facto text format of SMPP 3.4 Appendix B: `id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:…`.
 */

export type ReceiptState =
  | 'delivered'
  | 'expired'
  | 'deleted'
  | 'undeliverable'
  | 'accepted'
  | 'unknown'
  | 'rejected'
  | 'enroute';

export interface DeliveryReceipt {
  /** The message id the centre returned in submit_sm_resp. */
  messageId: string;
  state: ReceiptState;
  /** The network error code of the receipt text (`err:`), when any. */
  error?: string;
}

const BY_STAT: Record<string, ReceiptState> = {
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  DELETED: 'deleted',
  UNDELIV: 'undeliverable',
  ACCEPTD: 'accepted',
  UNKNOWN: 'unknown',
  REJECTD: 'rejected',
  ENROUTE: 'enroute',
};

/** SMPP 3.4 §5.2.28 message_state values. */
const BY_MESSAGE_STATE: Record<number, ReceiptState> = {
  1: 'enroute',
  2: 'delivered',
  3: 'expired',
  4: 'deleted',
  5: 'undeliverable',
  6: 'accepted',
  7: 'unknown',
  8: 'rejected',
};

/** The receipt text the centre sends for a state (used by the test centre). */
export function receiptStat(state: ReceiptState): string {
  return Object.entries(BY_STAT).find(([, s]) => s === state)?.[0] ?? 'UNKNOWN';
}

/** Whether a state is final (no later receipt will follow). */
export function isFinalReceipt(state: ReceiptState): boolean {
  return state !== 'enroute' && state !== 'accepted';
}

/** Parses a receipt from its TLVs and text; undefined when it names no message. */
export function parseReceipt(input: {
  text: string;
  receiptedMessageId?: string | undefined;
  messageState?: number | undefined;
}): DeliveryReceipt | undefined {
  const fields = new Map<string, string>();
  for (const m of input.text.matchAll(/(id|stat|err):(\S+)/gi))
    fields.set((m[1] as string).toLowerCase(), m[2] as string);
  const messageId = input.receiptedMessageId || fields.get('id');
  if (!messageId) return undefined;
  const state =
    (input.messageState !== undefined ? BY_MESSAGE_STATE[input.messageState] : undefined) ??
    BY_STAT[(fields.get('stat') ?? '').toUpperCase()] ??
    'unknown';
  const err = fields.get('err');
  return { messageId, state, ...(err && err !== '000' ? { error: err } : {}) };
}
