import type { Db } from '@kabinet/db';
import { presentRequest } from './present-request.ts';
import { loadRequest } from './request-query.ts';

/** A request a command just recorded, presented for its response (read in the command's transaction). */
export async function recordedRequest(trx: Db, lineId: string, requestId: string) {
  const row = await loadRequest(trx, lineId, requestId);
  if (!row) throw new Error(`request ${requestId} was just recorded but cannot be read`);
  return presentRequest(row);
}
