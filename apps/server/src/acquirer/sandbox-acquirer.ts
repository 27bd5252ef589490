/**
 * The built-in sandbox acquirer (TEST): an acquirer that behaves like a real one — a hosted payment page with a
 * card form and 3-D Secure, a redirect back, and signed server-to-server notifications — so the cabinet's
 * payment code is the same as against a real acquirer. It plays an external system: its state lives in its own
 * tables (`sandbox_acquirer_*`), it never touches `payments`, and it reaches the cabinet only through the
 * browser redirect and webhooks sent over HTTP to `/api/v1/payments/webhooks/sandbox` (through Fastify's
 * inject when the app is not listening, as in the API tests).
 */
import { randomBytes } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { newId, signWebhook, verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '@kabinet/core';
import { compiledOnce, type Database, type Db } from '@kabinet/db';
import type { ExpressionBuilder, Selectable } from 'kysely';
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
import { SANDBOX_FAILURES, type SandboxCardKind } from './sandbox-cards.ts';

type SandboxPayment = Selectable<Database['sandbox_acquirer_payments']>;

/** The webhook path of the sandbox on the cabinet (payments/routes.ts). */
export const SANDBOX_WEBHOOK_PATH = '/api/v1/payments/webhooks/sandbox';
/** Where the hosted page lives (sandbox-routes.ts). */
export const SANDBOX_PAGE_PREFIX = '/sandbox-acquirer/pay';
/** A payment whose bank "timed out" is decided this long after the card was entered. */
export const SANDBOX_SETTLE_MS = 60_000;
/** A hosted page nobody paid on expires (the acquirer then reports it failed, `expired`). */
export const SANDBOX_PAGE_TTL_MS = 15 * 60_000;
/** Redeliveries after a failed webhook (a real acquirer retries for days; reconciliation covers the rest). */
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
const DELIVERY_TIMEOUT_MS = 5_000;
/** Webhook connections kept open per host (keep-alive), like an acquirer's delivery pool. */
const DELIVERY_MAX_SOCKETS = 64;

/** What the webhook body says; the cabinet reads it in `readNotification`. */
export interface SandboxWebhookEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.failed';
  createdAt: string;
  test: true;
  payment: {
    id: string;
    merchantPaymentId: string;
    status: 'succeeded' | 'failed';
    amount: number;
    failureReason: string | null;
    card: { last4: string; brand: string; expires: string; token: string | null } | null;
  };
}

export interface SandboxSettings {
  webhookSecret: string;
  /** Base of the hosted page and return links as the browser sees them; relative links without it. */
  publicUrl?: string | undefined;
  /** Where webhooks go; without it, the app's own address once it listens, else Fastify inject. */
  webhookUrl?: string | undefined;
}

/** How the sandbox reaches its database, its clock and the cabinet; given by the sandbox routes at start. */
export interface SandboxAttachment {
  db: Db;
  now: () => Date;
  /** The app's own origin while it listens (`http://127.0.0.1:port`), else null. */
  origin: () => string | null;
  /** Delivers a webhook without a socket (the app is not listening). */
  inject: (request: { url: string; headers: Record<string, string>; body: string }) => Promise<number>;
}

export type SubmitCardOutcome =
  | { next: '3ds' }
  | { next: 'return'; url: string }
  | { next: 'done'; url: string }
  | { next: 'missing' };

export class SandboxAcquirer implements NotifyingAcquirer {
  readonly name = 'sandbox';
  readonly test = true;
  /** A test switch: while on, every API call times out (the acquirer's outage), for reconciliation tests. */
  outage = false;
  private attachment: SandboxAttachment | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Keep-alive connections for webhooks (a new connection per webhook costs more than the webhook). */
  private agents: { http: HttpAgent; https: HttpsAgent } | null = null;

  constructor(private readonly settings: SandboxSettings) {}

  /** Connects the sandbox to its tables and the cabinet; called once by its routes when the app is built. */
  attach(attachment: SandboxAttachment): void {
    this.attachment = attachment;
  }

  /** Stops pending redeliveries and closes the webhook connections (the app closes). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.agents?.http.destroy();
    this.agents?.https.destroy();
    this.agents = null;
  }

  private get env(): SandboxAttachment {
    if (!this.attachment) throw new Error('The sandbox acquirer is not attached: build the app first');
    return this.attachment;
  }

  private checkOutage(operation: string): void {
    if (this.outage) throw new AcquirerTimeoutError(operation);
  }

  /** The hosted page of a sandbox payment, absolute when a public URL is configured. */
  pageUrl(id: string): string {
    return `${this.settings.publicUrl ?? ''}${SANDBOX_PAGE_PREFIX}/${id}`;
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    this.checkOutage('createPayment');
    const { db, now } = this.env;
    const at = now();
    // Our payment id is the idempotency key: creating the same payment again answers the first one.
    const { rows } = await createPageQuery(
      db,
      newId('sandboxPayment', at),
      input.paymentId,
      input.amount,
      input.description,
      input.returnUrl,
      input.saveCard,
      at,
    );
    const row = rows[0];
    if (!row) throw new Error(`sandbox: no payment row for ${input.paymentId}`);
    return { externalId: row.id, confirmationUrl: this.pageUrl(row.id) };
  }

  async chargeToken(input: ChargeTokenInput): Promise<AcquirerPaymentState> {
    this.checkOutage('chargeToken');
    const { db, now } = this.env;
    const at = now();
    const token = await db
      .selectFrom('sandbox_acquirer_tokens')
      .selectAll()
      .where('token', '=', input.token)
      .executeTakeFirst();
    const kind = (token?.card_kind ?? null) as SandboxCardKind | null;
    const failure = !token ? 'invalid_token' : (SANDBOX_FAILURES[kind as SandboxCardKind] ?? null);
    const status = failure ? 'failed' : kind === 'timeout' ? 'pending' : 'succeeded';
    await db
      .insertInto('sandbox_acquirer_payments')
      .values({
        id: newId('sandboxPayment', at),
        merchant_payment_id: input.paymentId,
        kind: 'token',
        amount: input.amount,
        description: input.description,
        return_url: '',
        status,
        failure_reason: failure,
        card_kind: kind,
        card_last4: token?.last4 ?? null,
        card_brand: token?.brand ?? null,
        card_expires: token?.expires ?? null,
        card_token: token?.token ?? null,
        settles_at: kind === 'timeout' ? new Date(at.getTime() + SANDBOX_SETTLE_MS) : null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('merchant_payment_id').doNothing())
      .execute();
    const row = await this.load({ merchantPaymentId: input.paymentId });
    if (!row) throw new Error(`sandbox payment of ${input.paymentId} vanished`);
    // A merchant-initiated charge answers at once; the "timeout" card leaves it to reconciliation.
    if (row.status === 'pending') throw new AcquirerTimeoutError('chargeToken');
    return stateOf(row);
  }

  async fetchPayment(externalId: string): Promise<AcquirerPaymentState> {
    this.checkOutage('fetchPayment');
    const row = await this.load({ id: externalId });
    if (!row) throw new Error(`The sandbox acquirer has no payment ${externalId}`);
    return stateOf(row);
  }

  /**
   * A sandbox payment by its id or our payment id, settled first: a "timed out" payment is decided once its
   * time has come (it succeeds; no webhook — the notification was "lost", reconciliation finds it) and a page
   * nobody paid on expires.
   */
  async load(key: { id: string } | { merchantPaymentId: string }): Promise<SandboxPayment | undefined> {
    const { db, now } = this.env;
    const { rows } = await ('id' in key
      ? byIdQuery(db, key.id)
      : byMerchantIdQuery(db, key.merchantPaymentId));
    const row = rows[0];
    if (row?.status !== 'pending') return row;
    const at = now();
    if (row.card_kind === 'timeout' && row.settles_at && row.settles_at <= at) {
      return (await this.finish(row.id, 'succeeded', null, at)) ?? row;
    }
    if (
      row.kind === 'page' &&
      row.card_kind === null &&
      at.getTime() - row.created_at.getTime() > SANDBOX_PAGE_TTL_MS
    ) {
      return (await this.finish(row.id, 'failed', 'expired', at)) ?? row;
    }
    return row;
  }

  /**
   * The card form was sent (the number already checked by the page): remembers the card, then a 3-D Secure
   * challenge, a "timeout" (pending; back to the shop) or the final outcome, notified by webhook. The usual case
   * is one conditional statement on a page still open (pending, no card entered, not expired — what `load`
   * leaves pending); anything else is read (by id: `load`, which records an expiry) and answered.
   */
  async submitCard(
    payment: string | SandboxPayment,
    card: { digits: string; kind: SandboxCardKind; brand: string; expires: string },
  ): Promise<SubmitCardOutcome> {
    const { db, now } = this.env;
    // A payment the caller has just loaded: no second read.
    if (typeof payment !== 'string' && (payment.status !== 'pending' || payment.card_kind !== null))
      return { next: 'done', url: payment.return_url };
    const id = typeof payment === 'string' ? payment : payment.id;
    const at = now();
    const common = {
      card_kind: card.kind,
      card_last4: card.digits.slice(-4),
      card_brand: card.brand,
      card_expires: card.expires,
      updated_at: at,
    };
    if (card.kind === 'three_ds') {
      const code = String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, '0');
      const moved = await db
        .updateTable('sandbox_acquirer_payments')
        .set({ ...common, status: 'waiting_for_3ds', three_ds_code: code })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('card_kind', 'is', null)
        .where((eb) => openSince(eb, pageOpenSince(at)))
        .returning('id')
        .executeTakeFirst();
      if (moved) return { next: '3ds' };
    } else if (card.kind === 'timeout') {
      const moved = await db
        .updateTable('sandbox_acquirer_payments')
        .set({ ...common, settles_at: new Date(at.getTime() + SANDBOX_SETTLE_MS) })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('card_kind', 'is', null)
        .where((eb) => openSince(eb, pageOpenSince(at)))
        .returning('return_url')
        .executeTakeFirst();
      if (moved) return { next: 'return', url: moved.return_url };
    } else {
      const failure = SANDBOX_FAILURES[card.kind] ?? null;
      const done = await this.finish(id, failure ? 'failed' : 'succeeded', failure, at, common);
      if (done) {
        await this.notify(done);
        return { next: 'return', url: done.return_url };
      }
    }
    // Not open: unknown, decided, a card already entered, or past its TTL.
    const row = typeof payment === 'string' ? await this.load({ id }) : payment;
    return row ? { next: 'done', url: row.return_url } : { next: 'missing' };
  }

  /** The answer to the 3-D Secure challenge: the right code pays, a wrong one fails the payment. */
  async confirm3ds(payment: string | SandboxPayment, code: string): Promise<SubmitCardOutcome> {
    // The page's handler has just loaded the payment: no second read.
    const row = typeof payment === 'string' ? await this.load({ id: payment }) : payment;
    if (!row) return { next: 'missing' };
    const { id } = row;
    if (row.status !== 'waiting_for_3ds') return { next: 'done', url: row.return_url };
    const right = row.three_ds_code !== null && code.trim() === row.three_ds_code;
    const done = await this.finish(
      id,
      right ? 'succeeded' : 'failed',
      right ? null : '3ds_failed',
      this.env.now(),
    );
    if (done) await this.notify(done);
    return { next: 'return', url: row.return_url };
  }

  /** The payer gave up on the hosted page. */
  async cancel(payment: string | SandboxPayment): Promise<SubmitCardOutcome> {
    // The page's handler has just loaded the payment: no second read.
    const row = typeof payment === 'string' ? await this.load({ id: payment }) : payment;
    if (!row) return { next: 'missing' };
    const { id } = row;
    if (row.status !== 'pending' && row.status !== 'waiting_for_3ds')
      return { next: 'done', url: row.return_url };
    const done = await this.finish(id, 'failed', 'canceled', this.env.now());
    if (done) await this.notify(done);
    return { next: 'return', url: row.return_url };
  }

  /**
   * Moves a payment to its final state once (a conditional update); undefined when it already was final. With
   * `card`, the card is recorded in the same statement (only on a page still open at `at`: no card entered
   * yet, not expired).
   */
  private async finish(
    id: string,
    status: 'succeeded' | 'failed',
    failureReason: string | null,
    at: Date,
    card?: CardColumns,
  ): Promise<SandboxPayment | undefined> {
    const { db } = this.env;
    const { rows } = await (card
      ? finishPageQuery(
          db,
          id,
          status,
          failureReason,
          at,
          pageOpenSince(at),
          card.card_kind,
          card.card_last4,
          card.card_brand,
          card.card_expires,
        )
      : finishQuery(db, id, status, failureReason, at));
    const row = rows[0];
    if (!row || status !== 'succeeded' || !row.save_card || !row.card_kind) return row;
    // The card is saved on a successful payment when the payer asked: a token that behaves like the card.
    const token = `tok_sbx_${randomBytes(12).toString('hex')}`;
    return db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sandbox_acquirer_tokens')
        .values({
          token,
          card_kind: row.card_kind as string,
          last4: row.card_last4 ?? '0000',
          brand: row.card_brand ?? 'card',
          expires: row.card_expires ?? '12/99',
          created_at: at,
        })
        .execute();
      return trx
        .updateTable('sandbox_acquirer_payments')
        .set({ card_token: token })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  /** The webhook of a final payment; the first delivery is awaited, failures are redelivered later. */
  private async notify(row: SandboxPayment): Promise<void> {
    const event: SandboxWebhookEvent = {
      id: newId('webhookEvent', this.env.now()),
      type: row.status === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
      createdAt: this.env.now().toISOString(),
      test: true,
      payment: {
        id: row.id,
        merchantPaymentId: row.merchant_payment_id,
        status: row.status === 'succeeded' ? 'succeeded' : 'failed',
        amount: Number(row.amount),
        failureReason: row.failure_reason,
        card: row.card_last4
          ? {
              last4: row.card_last4,
              brand: row.card_brand ?? 'card',
              expires: row.card_expires ?? '',
              token: row.card_token,
            }
          : null,
      },
    };
    await this.deliver(JSON.stringify(event), 0);
  }

  /** Sends one webhook body, signed afresh at each attempt (as acquirers do); true on a 2xx answer. */
  async deliver(body: string, attempt: number): Promise<boolean> {
    const { now, origin, inject } = this.env;
    const signature = await signWebhook(
      this.settings.webhookSecret,
      body,
      Math.floor(now().getTime() / 1000),
    );
    const headers = { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature };
    let ok = false;
    try {
      const base = this.settings.webhookUrl ?? (origin() ? `${origin()}${SANDBOX_WEBHOOK_PATH}` : null);
      if (base) {
        const status = await this.post(base, headers, body);
        ok = status >= 200 && status < 300;
      } else {
        const status = await inject({ url: SANDBOX_WEBHOOK_PATH, headers, body });
        ok = status >= 200 && status < 300;
      }
    } catch {
      ok = false;
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (!ok && delay !== undefined) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.deliver(body, attempt + 1);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    }
    return ok;
  }

  /**
   * POSTs a webhook over keep-alive connections; its status once the answer was read to the end. Rejects on a
   * network error, or after DELIVERY_TIMEOUT_MS (the request is aborted). Headers and body go in one write.
   */
  private post(url: string, headers: Record<string, string>, body: string): Promise<number> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') return Promise.reject(new Error(`not an HTTP URL: ${url}`));
    this.agents ??= {
      http: new HttpAgent({ keepAlive: true, maxSockets: DELIVERY_MAX_SOCKETS }),
      https: new HttpsAgent({ keepAlive: true, maxSockets: DELIVERY_MAX_SOCKETS }),
    };
    const agents = this.agents;
    return new Promise<number>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (error: Error | null, status = 0) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(status); // a promise settles once: later calls are no-ops
      };
      const answered = (res: IncomingMessage) => {
        res.on('error', settle);
        res.on('end', () => settle(null, res.statusCode ?? 0));
        res.on('close', () => settle(new Error('the webhook answer was cut off')));
        res.resume(); // drained, so the connection goes back to the pool
      };
      const options = {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      };
      const req = secure
        ? httpsRequest(target, { ...options, agent: agents.https }, answered)
        : httpRequest(target, { ...options, agent: agents.http }, answered);
      req.on('error', settle);
      timer = setTimeout(
        () => req.destroy(new Error(`webhook timed out after ${DELIVERY_TIMEOUT_MS} ms`)),
        DELIVERY_TIMEOUT_MS,
      );
      req.end(body);
    });
  }

  /** The cabinet's side: checks the signature and timestamp over the raw body, then reads the event. */
  async readNotification(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): Promise<AcquirerNotification> {
    const header = headers[WEBHOOK_SIGNATURE_HEADER];
    const verified = await verifyWebhook(
      this.settings.webhookSecret,
      typeof header === 'string' ? header : undefined,
      rawBody,
      Math.floor(now.getTime() / 1000),
    );
    if (!verified.ok) throw new WebhookRejectedError(verified.reason);
    let event: SandboxWebhookEvent;
    try {
      event = JSON.parse(rawBody) as SandboxWebhookEvent;
    } catch {
      throw new WebhookRejectedError('malformed');
    }
    const p = event?.payment;
    if (
      typeof event?.id !== 'string' ||
      typeof event.type !== 'string' ||
      typeof p?.id !== 'string' ||
      typeof p.merchantPaymentId !== 'string' ||
      (p.status !== 'succeeded' && p.status !== 'failed') ||
      !Number.isSafeInteger(p.amount)
    ) {
      throw new WebhookRejectedError('malformed');
    }
    return {
      eventId: event.id,
      type: event.type,
      paymentId: p.merchantPaymentId,
      state: {
        externalId: p.id,
        status: p.status,
        amount: BigInt(p.amount),
        ...(p.failureReason ? { failureReason: p.failureReason } : {}),
        ...(p.card?.token
          ? {
              card: {
                token: p.card.token,
                last4: p.card.last4,
                brand: p.card.brand,
                expires: p.card.expires,
              },
            }
          : {}),
        ...(p.card ? { paidWith: { last4: p.card.last4, brand: p.card.brand } } : {}),
      },
    };
  }
}

/** The columns of the card entered on a hosted page. */
type CardColumns = { card_kind: string; card_last4: string; card_brand: string; card_expires: string };

// The statements of every hosted-page payment, built once (compiledOnce).

const byIdQuery = compiledOnce((db: Db, id: string) =>
  db.selectFrom('sandbox_acquirer_payments').selectAll().where('id', '=', id),
);

const byMerchantIdQuery = compiledOnce((db: Db, merchantPaymentId: string) =>
  db.selectFrom('sandbox_acquirer_payments').selectAll().where('merchant_payment_id', '=', merchantPaymentId),
);

/** A hosted page; our payment id is the idempotency key: creating the same payment again answers the first. */
const createPageQuery = compiledOnce(
  (
    db: Db,
    id: string,
    merchantPaymentId: string,
    amount: bigint,
    description: string,
    returnUrl: string,
    saveCard: boolean,
    at: Date,
  ) =>
    db
      .insertInto('sandbox_acquirer_payments')
      .values({
        id,
        merchant_payment_id: merchantPaymentId,
        kind: 'page',
        amount,
        description,
        return_url: returnUrl,
        save_card: saveCard,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .column('merchant_payment_id')
          .doUpdateSet((eb) => ({ merchant_payment_id: eb.ref('excluded.merchant_payment_id') })),
      )
      .returning('id'),
);

/** A payment moved to its final state, if it is not final yet. */
const finishQuery = compiledOnce(
  (db: Db, id: string, status: 'succeeded' | 'failed', failureReason: string | null, at: Date) =>
    db
      .updateTable('sandbox_acquirer_payments')
      .set({ status, failure_reason: failureReason, three_ds_code: null, updated_at: at })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'waiting_for_3ds'])
      .returningAll(),
);

/** The same with the card entered, on a page still open (`openSince`) where no card was entered yet. */
const finishPageQuery = compiledOnce(
  (
    db: Db,
    id: string,
    status: 'succeeded' | 'failed',
    failureReason: string | null,
    at: Date,
    since: Date,
    cardKind: string,
    last4: string,
    brand: string,
    expires: string,
  ) =>
    db
      .updateTable('sandbox_acquirer_payments')
      .set({
        status,
        failure_reason: failureReason,
        three_ds_code: null,
        updated_at: at,
        card_kind: cardKind,
        card_last4: last4,
        card_brand: brand,
        card_expires: expires,
      })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'waiting_for_3ds'])
      .where('card_kind', 'is', null)
      .where((eb) => openSince(eb, since))
      .returningAll(),
);

/**
 * Not expired: a hosted page is open for SANDBOX_PAGE_TTL_MS after it was created, so one created at `since`
 * (`pageOpenSince(now)`) or later is open (`load`'s expiry condition, negated, as SQL); token charges do not
 * expire.
 */
function openSince(eb: ExpressionBuilder<Database, 'sandbox_acquirer_payments'>, since: Date) {
  return eb.or([eb('kind', '!=', 'page'), eb('created_at', '>=', since)]);
}

function pageOpenSince(at: Date): Date {
  return new Date(at.getTime() - SANDBOX_PAGE_TTL_MS);
}

/** The acquirer's view of a sandbox payment, as `fetchPayment` and `chargeToken` answer it. */
function stateOf(row: SandboxPayment): AcquirerPaymentState {
  return {
    externalId: row.id,
    status: row.status,
    amount: row.amount,
    ...(row.failure_reason ? { failureReason: row.failure_reason } : {}),
    ...(row.card_token && row.card_last4
      ? {
          card: {
            token: row.card_token,
            last4: row.card_last4,
            brand: row.card_brand ?? 'card',
            expires: row.card_expires ?? '',
          },
        }
      : {}),
    ...(row.card_last4 ? { paidWith: { last4: row.card_last4, brand: row.card_brand ?? 'card' } } : {}),
  };
}
