/**
 * PAY-01/02: starting a card top-up — of one of your lines or of any number of ours, typed in any notation —
 * as a pending payment handed to the acquirer, which answers with its hosted payment page.
 */
import { checkTopUpKopecks, formatPhone, formatRubles, type Kopecks, newId, parsePhone } from '@kabinet/core';
import { AcquirerTimeoutError } from '../acquirer/acquirer.ts';
import type { SessionPrincipal } from '../auth/sessions.ts';
import type { AppContext } from '../http/context.ts';
import { insertIfFresh, type KeyedWrite } from '../http/idempotency.ts';
import { AppError, type FieldError, problems } from '../http/problem.ts';
import { journalInsertValues } from '../journal/record.ts';
import { assertLineAccess } from '../lines/access.ts';
import { grantAccess, lineWithGrant } from '../lines/grant.ts';
import type { PaymentViewBody } from './payment-view.ts';

const AMOUNT_MESSAGES: Record<string, string> = {
  required: 'amount is required.',
  not_a_number: 'amount must be an integer number of kopecks.',
  fractional_kopecks: 'amount must be whole kopecks; a fraction of a kopeck cannot be charged.',
  negative: 'amount must be positive.',
  too_small: 'amount must be at least 10000 kopecks (100 ₽).',
  too_large: 'amount must be at most 1500000 kopecks (15,000 ₽).',
};

export interface TopUpTarget {
  lineId: string;
  accountId: string;
  msisdn: string | null;
  /** The payer has a grant on the line. */
  own: boolean;
}

export interface CheckedTopUp {
  amount: Kopecks;
  target: TopUpTarget;
  saveCard: boolean;
}

/**
 * Validates a top-up request before anything is written: the amount's range and whole kopecks, exactly one of
 * `lineId` (yours: 404 otherwise) and `msisdn` (any number of ours: `unknown_number` otherwise), and `saveCard`
 * for your own line only. Every problem found is one field error.
 */
export async function checkTopUp(
  ctx: AppContext,
  principal: SessionPrincipal,
  body: { lineId?: string; msisdn?: string; amount: unknown; saveCard?: boolean },
): Promise<CheckedTopUp> {
  const errors: FieldError[] = [];
  const amount = checkTopUpKopecks(body.amount);
  if (!amount.ok) {
    errors.push({
      field: 'amount',
      code: amount.problem,
      message: AMOUNT_MESSAGES[amount.problem] ?? 'invalid',
    });
  }
  const hasLine = body.lineId !== undefined;
  const hasNumber = body.msisdn !== undefined && body.msisdn.trim() !== '';
  if (hasLine === hasNumber) {
    errors.push({
      field: hasLine ? 'msisdn' : 'lineId',
      code: hasLine ? 'conflict' : 'required',
      message: 'Give either lineId (one of your lines) or msisdn (any number), not both.',
    });
  }
  let target: TopUpTarget | null = null;
  if (hasLine && !hasNumber && body.lineId) {
    // Money only comes in: a partial session may top up (ACCESS-09), but only a line it reaches. The grant and
    // the line in one query: no line is the same 404 as no live grant.
    const line = await lineWithGrant(ctx.db, principal.loginId, body.lineId, ctx.now());
    assertLineAccess(principal, line?.access ?? null, 'partial');
    if (!line) throw problems.notFound('line');
    target = { lineId: line.id, accountId: line.account_id, msisdn: line.msisdn, own: true };
  } else if (hasNumber && !hasLine && body.msisdn) {
    const parsed = parsePhone(body.msisdn);
    if (!parsed.ok) {
      errors.push({ field: 'msisdn', code: 'invalid_phone', message: 'msisdn is not a phone number.' });
    } else {
      const line = await ctx.db
        .selectFrom('lines')
        .select(['id', 'account_id', 'msisdn'])
        .where('msisdn', '=', parsed.msisdn)
        .where('status', '!=', 'closed')
        .orderBy('activated_at', 'desc')
        .executeTakeFirst();
      if (!line) {
        errors.push({
          field: 'msisdn',
          code: 'unknown_number',
          message: 'No subscriber of ours has this number; check it.',
        });
      } else {
        const access = await grantAccess(ctx.db, principal.loginId, line.id, ctx.now());
        target = { lineId: line.id, accountId: line.account_id, msisdn: line.msisdn, own: access !== null };
      }
    }
  }
  if (body.saveCard && target && !target.own) {
    errors.push({
      field: 'saveCard',
      code: 'not_own_line',
      message: 'A card can be saved on a top-up of your own line only.',
    });
  }
  if (errors.length > 0 || !amount.ok || !target) throw problems.validation(errors);
  return { amount: amount.amount, target, saveCard: body.saveCard === true };
}

/** The acquirer's side of a new payment: its id there and the hosted page to send the browser to. */
export interface AcquirerPayment {
  paymentId: string;
  externalId: string;
  confirmationUrl: string;
}

/**
 * Creates the payment at the acquirer, before our transaction: an acquirer call never runs while a database
 * connection is held (a slow acquirer would hold the pool, and the sandbox, which uses the same pool, would wait
 * for itself). An acquirer that does not answer is 503 with nothing written. A request that turns out to be a
 * replay leaves an unused acquirer payment, which the acquirer expires (nobody pays on its page).
 */
export async function createAtAcquirer(
  ctx: AppContext,
  input: CheckedTopUp & { origin: string },
): Promise<AcquirerPayment> {
  const paymentId = newId('payment', ctx.now());
  const { target } = input;
  const number = target.msisdn ? formatPhone(target.msisdn) : target.lineId;
  try {
    const created = await ctx.acquirer.createPayment({
      paymentId,
      amount: input.amount,
      description: `Пополнение ${number} · Top-up of ${number}: ${formatRubles(input.amount)} ₽`,
      returnUrl: `${input.origin}/pay/result?payment=${paymentId}`,
      saveCard: input.saveCard,
    });
    return { paymentId, ...created };
  } catch (err) {
    if (err instanceof AcquirerTimeoutError) {
      throw new AppError(
        503,
        'acquirer_unavailable',
        'The card acquirer did not answer; try again in a minute.',
      );
    }
    throw err;
  }
}

/**
 * The pending payment the acquirer already knows and the journal entry of its start, as writes of the idempotent
 * command (runIdempotentWrites: they take effect with the key's first use only, in one statement with the key),
 * and the view of them, known without reading anything back.
 */
export function startCardPayment(
  ctx: AppContext,
  input: CheckedTopUp & { loginId: string; idempotencyScope: string; ip: string; acquired: AcquirerPayment },
): { payment: PaymentViewBody & { confirmationUrl: string }; writes: KeyedWrite[] } {
  const now = ctx.now();
  const { target, acquired } = input;
  const paymentId = acquired.paymentId;
  const writes = [
    insertIfFresh('payments', {
      id: paymentId,
      account_id: target.accountId,
      line_id: target.lineId,
      source: 'card',
      amount: input.amount,
      status: 'pending',
      idempotency_key: `card:${input.idempotencyScope}`,
      payer_login_id: input.loginId,
      msisdn: target.msisdn,
      acquirer: ctx.acquirer.name,
      external_id: acquired.externalId,
      confirmation_url: acquired.confirmationUrl,
      save_card: input.saveCard,
      created_at: now,
    }),
    insertIfFresh(
      'journal',
      journalInsertValues({
        actorKind: 'subscriber',
        actorId: input.loginId,
        channel: 'web',
        loginId: input.loginId,
        lineId: target.own ? target.lineId : null,
        action: 'payment.started',
        details: {
          paymentId,
          source: 'card',
          amount: Number(input.amount),
          ...(target.own ? {} : { msisdn: target.msisdn }),
        },
        ip: input.ip,
      }),
    ),
  ];
  const view: PaymentViewBody = {
    id: paymentId,
    status: 'pending',
    amount: Number(input.amount),
    msisdn: target.msisdn,
    ownLine: target.own,
    lineId: target.own ? target.lineId : null,
    createdAt: now.toISOString(),
    completedAt: null,
    failureReason: null,
    card: null,
    commission: 0,
    acquirer: { name: ctx.acquirer.name, test: ctx.acquirer.test },
    confirmationUrl: acquired.confirmationUrl,
  };
  return { payment: { ...view, confirmationUrl: acquired.confirmationUrl }, writes };
}
