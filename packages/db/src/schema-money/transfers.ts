/** Kysely table types of issue 6 slice VT (migration 0015); merged into `Database` (schema.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type VoucherStatus = 'active' | 'redeemed' | 'cancelled';

/** PAY-03: a prepaid voucher (scratch card). Only the HMAC of its code is stored, never the code. */
export interface VouchersTable {
  id: string;
  /** Printed on the card next to the hidden code; what an office quotes. */
  serial: string;
  code_hmac: Buffer;
  /** Kopecks credited on redemption. */
  amount: bigint;
  batch: string;
  expires_at: Timestamp;
  status: Generated<VoucherStatus>;
  /** The `payments` row that credited it, once redeemed. */
  payment_id: string | null;
  redeemed_by_login_id: string | null;
  redeemed_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

/** PAY-03: one wrong code typed, for the brute-force limit per login and per address. */
export interface VoucherAttemptsTable {
  id: Generated<bigint>;
  login_id: string;
  ip: string | null;
  at: Timestamp;
}

export type MobileTransferStatus = 'awaiting_code' | 'completed' | 'failed';

/** PAY-06: a transfer of money between two of our numbers, confirmed by an SMS code. */
export interface MobileTransfersTable {
  id: string;
  login_id: string;
  from_line_id: string;
  from_account_id: string;
  to_line_id: string;
  to_account_id: string;
  to_msisdn: string;
  amount: bigint;
  fee: bigint;
  status: Generated<MobileTransferStatus>;
  code_hmac: Buffer;
  code_expires_at: Timestamp;
  attempts: Generated<number>;
  amount_transfer_id: string | null;
  fee_transfer_id: string | null;
  payment_id: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface TransfersTables {
  vouchers: VouchersTable;
  voucher_attempts: VoucherAttemptsTable;
  mobile_transfers: MobileTransfersTable;
}
