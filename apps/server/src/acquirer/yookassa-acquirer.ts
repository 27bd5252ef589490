/**
 * The YooKassa adapter (PAY-01/02/04): the `Acquirer` interface over YooKassa API v3 — a payment with YooKassa's
 * hosted page (`confirmation.type = redirect`), a saved card charged by `payment_method_id`, and the payment
 * looked up by id. YooKassa's notifications are not signed and carry no timestamp, so `readNotification` trusts
 * nothing in them but the payment id: it re-fetches the payment from the API and answers that state. Decision
 * 0028; docs/payments.md, section "YooKassa".
 */
import {
  type AcquirerNotification,
  type AcquirerPaymentState,
  AcquirerTimeoutError,
  type ChargeTokenInput,
  type CreatedPayment,
  type CreatePaymentInput,
  type NotifyingAcquirer,
  WebhookRejectedError,
} from './acquirer.ts';
import { YooKassaApiError, YooKassaClient, type YooKassaClientSettings } from './yookassa-client.ts';
import {
  descriptionFor,
  isYooKassaSender,
  ourPaymentIdOf,
  parsePayment,
  stateOf,
  toYooKassaAmount,
  YooKassaFormatError,
  type YooKassaPayment,
} from './yookassa-mapping.ts';

/** The webhook path to give YooKassa (merchant profile → Integration → HTTP notifications), after the public URL. */
export const YOOKASSA_WEBHOOK_PATH = '/api/v1/payments/webhooks/yookassa';

export interface YooKassaSettings extends YooKassaClientSettings {
  /**
   * Refuse notifications from outside YooKassa's documented addresses (`KABINET_YOOKASSA_CHECK_SENDER`). Needs the
   * real client address: the TCP peer, or behind a proxy the address it forwards (`KABINET_TRUST_PROXY`).
   */
  checkSender?: boolean | undefined;
}

/** Who sent a notification, when the caller knows it (the TCP peer, or the trusted proxy's client address). */
export interface NotificationSender {
  ip?: string | undefined;
}

export class YooKassaAcquirer implements NotifyingAcquirer {
  readonly name = 'yookassa';
  readonly test = false;
  /** Whether `readNotification` refuses senders outside YooKassa's addresses (settings; tests switch it). */
  checkSender: boolean;
  private readonly client: YooKassaClient;

  constructor(settings: YooKassaSettings) {
    if (!settings.shopId || !settings.secretKey) {
      throw new Error('The YooKassa acquirer needs a shop id and a secret key');
    }
    this.client = new YooKassaClient(settings);
    this.checkSender = settings.checkSender === true;
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const payment = await this.post('createPayment', input.paymentId, {
      amount: toYooKassaAmount(input.amount),
      capture: true,
      confirmation: { type: 'redirect', return_url: input.returnUrl },
      description: descriptionFor(input.description),
      metadata: { payment_id: input.paymentId },
      ...(input.saveCard ? { save_payment_method: true } : {}),
    });
    const url = payment.confirmation?.confirmation_url;
    if (payment.status !== 'pending' || typeof url !== 'string' || !/^https?:\/\//.test(url)) {
      // A new redirect payment is pending with a page; anything else is not one we can send a browser to.
      throw new YooKassaFormatError(`payment ${payment.id} is ${payment.status} without a confirmation_url`);
    }
    return { externalId: payment.id, confirmationUrl: url };
  }

  /**
   * A charge of a saved card, no page (PAY-04). The trap: a POST repeated with the same Idempotence-Key (autopay
   * asks again under the same payment id after a timeout) answers YooKassa's *first* response, frozen — a
   * `pending` one would stay pending forever. So an undecided answer is followed by `GET /payments/{id}`, and one
   * still undecided there is a timeout: the payment stays pending and autopay asks again later.
   */
  async chargeToken(input: ChargeTokenInput): Promise<AcquirerPaymentState> {
    let created: YooKassaPayment;
    try {
      created = await this.post('chargeToken', input.paymentId, {
        amount: toYooKassaAmount(input.amount),
        capture: true,
        payment_method_id: input.token,
        description: descriptionFor(input.description),
        metadata: { payment_id: input.paymentId },
      });
    } catch (err) {
      // YooKassa refused the saved card itself (unknown, revoked or not ours): no payment was made, so the charge
      // failed — autopay records it and retries on its schedule instead of asking again every pass. Our own
      // problems (credentials, a malformed request of ours) still throw.
      if (err instanceof YooKassaApiError && refusesPaymentMethod(err)) {
        return { externalId: '', status: 'failed', amount: input.amount, failureReason: 'invalid_token' };
      }
      throw err;
    }
    const payment =
      created.status === 'succeeded' || created.status === 'canceled'
        ? created
        : await this.get('chargeToken', created.id);
    const state = stateOf(payment);
    if (state.status === 'pending') throw new AcquirerTimeoutError('chargeToken');
    return state;
  }

  async fetchPayment(externalId: string): Promise<AcquirerPaymentState> {
    return stateOf(await this.get('fetchPayment', externalId));
  }

  /**
   * Reads a notification `{ type: "notification", event: "payment.…", object: { id, … } }` and answers the
   * payment as the API shows it now — never the body's status, amount or card, which anyone could have posted.
   * With `checkSender`, a sender (`sender.ip`, from the webhook route) outside YooKassa's documented ranges is
   * refused first.
   *
   * The event id is `payment.<status the API shows>:<payment id>`: keyed by what is true, not by what the body
   * claims. A forged or early "succeeded" about a payment still pending is recorded as `payment.pending:…`, so the
   * genuine `payment.succeeded` that follows is not mistaken for its duplicate; replays of it are.
   */
  async readNotification(
    rawBody: string,
    _headers: Record<string, string | string[] | undefined>,
    _now: Date,
    sender: NotificationSender = {},
  ): Promise<AcquirerNotification> {
    if (this.checkSender && (sender.ip === undefined || !isYooKassaSender(sender.ip)))
      throw new WebhookRejectedError('bad_signature');
    const id = paymentIdOfNotification(rawBody);
    let payment: YooKassaPayment;
    try {
      payment = await this.get('readNotification', id);
    } catch (err) {
      // No such payment in our shop: a forged or misdirected notification. Timeouts and our own credential
      // problems propagate (the route answers 5xx and YooKassa delivers again later).
      if (err instanceof YooKassaApiError && (err.status === 404 || err.status === 400)) {
        throw new WebhookRejectedError('malformed');
      }
      throw err;
    }
    const paymentId = ourPaymentIdOf(payment);
    if (payment.id !== id || !paymentId) throw new WebhookRejectedError('malformed');
    const event = `payment.${payment.status}`;
    return { eventId: `${event}:${payment.id}`, type: event, paymentId, state: stateOf(payment) };
  }

  private async post(operation: string, paymentId: string, body: unknown): Promise<YooKassaPayment> {
    return parsePayment(
      await this.client.call({
        operation,
        method: 'POST',
        path: '/payments',
        body,
        idempotenceKey: paymentId,
      }),
    );
  }

  private async get(operation: string, externalId: string): Promise<YooKassaPayment> {
    return parsePayment(
      await this.client.call({
        operation,
        method: 'GET',
        path: `/payments/${encodeURIComponent(externalId)}`,
      }),
    );
  }
}

/** The payment id a notification names; anything that is not a YooKassa payment notification is malformed. */
export function paymentIdOfNotification(rawBody: string): string {
  let body: { type?: unknown; event?: unknown; object?: { id?: unknown } | null };
  try {
    body = JSON.parse(rawBody) as typeof body;
  } catch {
    throw new WebhookRejectedError('malformed');
  }
  const id = body?.object?.id;
  if (
    body?.type !== 'notification' ||
    typeof body.event !== 'string' ||
    !body.event.startsWith('payment.') ||
    typeof id !== 'string' ||
    // YooKassa's payment ids are UUID-like; anything else never reaches the API's URL.
    !/^[0-9a-zA-Z-]{1,64}$/.test(id)
  ) {
    throw new WebhookRejectedError('malformed');
  }
  return id;
}

/** A refusal that is about the saved card (`payment_method_id`), not about our request or credentials. */
function refusesPaymentMethod(err: YooKassaApiError): boolean {
  return (
    err.parameter === 'payment_method_id' ||
    ((err.status === 403 || err.status === 404) && err.code !== 'invalid_credentials')
  );
}
