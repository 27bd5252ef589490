/** What a refused charge lacks: the fee and what the account can spend (balance plus credit limit). */
export interface Shortfall {
  required: bigint;
  available: bigint;
}

/**
 * Whether an account can pay a one-off fee: balance + credit limit must cover it. A free action is always
 * allowed, even on a negative balance (disconnecting must never need money). Null when it can pay.
 */
export function fundsShortfall(input: {
  balance: bigint;
  creditLimit: bigint;
  fee: bigint;
}): Shortfall | null {
  if (input.fee <= 0n) return null;
  const available = input.balance + input.creditLimit;
  return available >= input.fee ? null : { required: input.fee, available };
}
