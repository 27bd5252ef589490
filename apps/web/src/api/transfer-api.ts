import { call } from './api-client';

/** GET /lines/{id}/transfers/terms (PAY-06): fees, limits and the minimum balance, kopecks. */
export interface TransferTerms {
  minAmount: number;
  maxAmount: number;
  feeFixed: number;
  /** Hundredths of a percent: 100 = 1 %. */
  feeBasisPoints: number;
  dailyLimit: number;
  monthlyLimit: number;
  minBalanceLeft: number;
  codeTtlSeconds: number;
  balance: number;
  sentToday: number;
  sentThisMonth: number;
}

/** A mobile transfer as its sender sees it. */
export interface MobileTransfer {
  id: string;
  phone: string;
  amount: number;
  fee: number;
  total: number;
  status: 'awaiting_code' | 'completed' | 'failed';
  codeExpiresAt: string;
  createdAt: string;
  completedAt: string | null;
}

export function getTransferTerms(lineId: string, signal?: AbortSignal): Promise<TransferTerms> {
  return call('GET', `/lines/${encodeURIComponent(lineId)}/transfers/terms`, { signal });
}

/** GET /lines/{id}/transfers: the line's last 20 transfers, newest first. */
export async function getSentTransfers(lineId: string, signal?: AbortSignal): Promise<MobileTransfer[]> {
  const { transfers } = await call<{ transfers: MobileTransfer[] }>(
    'GET',
    `/lines/${encodeURIComponent(lineId)}/transfers`,
    { signal },
  );
  return transfers;
}

/** POST /lines/{id}/transfers: checks the transfer and sends the SMS code; no money moves yet. */
export function startTransfer(
  lineId: string,
  input: { phone: string; amount: number },
  idempotencyKey: string,
): Promise<MobileTransfer> {
  return call('POST', `/lines/${encodeURIComponent(lineId)}/transfers`, { body: input, idempotencyKey });
}

/** POST /lines/{id}/transfers/confirm: the SMS code moves the money, once. A new key per code typed. */
export function confirmTransfer(
  lineId: string,
  transferId: string,
  code: string,
  idempotencyKey: string,
): Promise<{ transfer: MobileTransfer; balance: number }> {
  return call('POST', `/lines/${encodeURIComponent(lineId)}/transfers/confirm`, {
    body: { transferId, code },
    idempotencyKey,
  });
}
