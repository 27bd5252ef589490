import type { Db } from '@kabinet/db';
export interface RequestCodeInput {
  phone: string;
  ip: string;
  now: Date;
}
export declare function codeDigest(secret: string, purpose: string, identifier: string, code: string): Buffer;
/**
 * ACCESS-01: sends a 6-digit login code to a number. The answer, the rate limits and the database work are the
 * same whether or not the number is ours — only the SMS is skipped — so the endpoint reveals nothing (ACCESS-04).
 */
export declare function requestLoginCode(
  db: Db,
  secret: string,
  input: RequestCodeInput,
): Promise<{
  phone: import('@kabinet/core').Msisdn;
  maskedPhone: string;
  expiresInSeconds: number;
  resendAfterSeconds: 60;
}>;
