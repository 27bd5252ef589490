/**
 * For tests only: the card acquirer is an external system, so the autopay tests script its answers here (slice
 * A's sandbox has its own tests; one autopay test goes through it). Like a real acquirer, a repeated charge under
 * the same payment id answers the first payment's state and charges nothing again.
 */
import type {
  Acquirer,
  AcquirerPaymentState,
  ChargeTokenInput,
  CreatedPayment,
  CreatePaymentInput,
} from '../acquirer/acquirer.ts';
import { AcquirerTimeoutError } from '../acquirer/acquirer.ts';

/** `lost`: the call never reached the acquirer (a network error, a crash before sending): nothing charged. */
export type ScriptedAnswer = 'succeeded' | 'failed' | 'timeout' | 'lost';

export class ScriptedAcquirer implements Acquirer {
  readonly test = true;
  /** Answers for the next new charges, in order; `fallback` after them. */
  script: ScriptedAnswer[] = [];
  fallback: ScriptedAnswer = 'succeeded';
  /** Answers for the next new charges of one card token, before `script`. */
  readonly byToken = new Map<string, ScriptedAnswer[]>();
  /** Every chargeToken call, repeated ones included. */
  readonly calls: ChargeTokenInput[] = [];
  /** The payments the acquirer made (one per payment id): what a card statement would show. */
  readonly payments = new Map<string, AcquirerPaymentState>();
  /** Charges of payments that "timed out": they are decided (succeeded) when asked again. */
  private readonly settleOnAsk = new Set<string>();
  private counter = 0;

  /** `name`: the acquirer it stands in for (cards are charged only through the acquirer that saved them). */
  constructor(readonly name = 'scripted') {}

  async createPayment(_input: CreatePaymentInput): Promise<CreatedPayment> {
    throw new Error('not used by autopay');
  }

  async chargeToken(input: ChargeTokenInput): Promise<AcquirerPaymentState> {
    this.calls.push(input);
    const known = this.payments.get(input.paymentId);
    if (known) {
      if (this.settleOnAsk.delete(input.paymentId)) known.status = 'succeeded';
      return { ...known };
    }
    const answer = this.byToken.get(input.token)?.shift() ?? this.script.shift() ?? this.fallback;
    if (answer === 'lost') throw new Error('connect ECONNRESET');
    const externalId = `ext_${++this.counter}`;
    if (answer === 'timeout') {
      this.payments.set(input.paymentId, { externalId, status: 'pending', amount: input.amount });
      this.settleOnAsk.add(input.paymentId);
      throw new AcquirerTimeoutError('chargeToken');
    }
    const state: AcquirerPaymentState =
      answer === 'succeeded'
        ? { externalId, status: 'succeeded', amount: input.amount }
        : { externalId, status: 'failed', amount: input.amount, failureReason: 'insufficient_funds' };
    this.payments.set(input.paymentId, state);
    return { ...state };
  }

  async fetchPayment(externalId: string): Promise<AcquirerPaymentState> {
    for (const state of this.payments.values()) if (state.externalId === externalId) return { ...state };
    throw new Error(`unknown payment ${externalId}`);
  }

  /** How many distinct payments the card was charged for (succeeded). */
  chargedCount(): number {
    return [...this.payments.values()].filter((p) => p.status === 'succeeded').length;
  }
}
