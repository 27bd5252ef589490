import { parseTransferRubles } from '@kabinet/core';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import {
  confirmTransfer,
  getSentTransfers,
  getTransferTerms,
  type MobileTransfer,
  startTransfer,
  type TransferTerms,
} from '../api/transfer-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { formatMsisdn } from '../format/phone';
import { TextField } from '../forms/text-field';
import { errorMessage } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { LineSelect } from '../payments-nav/line-select';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import '../statements/statements.css';
import '../vouchers/voucher.css';

type Errors = Partial<Record<'phone' | 'amount' | 'code' | 'form', string>>;

/** The fee the server will charge, by the rule the terms state (fixed part + percent rounded half up). */
function feeOf(terms: TransferTerms, amount: number): number {
  return terms.feeFixed + Math.floor((amount * terms.feeBasisPoints + 5_000) / 10_000);
}

/** A problem of the transfer API in the user's words, on the field it concerns. */
function transferErrors(t: Dictionary, terms: TransferTerms, failure: unknown): Errors {
  const e = t.transfer.errors;
  const money = (k: number) => formatMoney(t.locale, k);
  if (!(failure instanceof ApiError)) return { form: errorMessage(t, failure) };
  const extra = failure.problem as { left?: number; available?: number; attemptsLeft?: number };
  switch (failure.code) {
    case 'daily_limit':
    case 'monthly_limit':
      return { amount: e[failure.code](money(extra.left ?? 0)) };
    case 'insufficient_funds':
      return { amount: e.insufficient_funds(money(extra.available ?? 0), money(terms.minBalanceLeft)) };
    case 'invalid_code':
      return { code: e.invalid_code(extra.attemptsLeft ?? 0) };
    case 'code_expired':
    case 'transfer_failed':
      return { form: e[failure.code] };
    case 'not_prepaid':
      return { form: t.transfer.notPrepaid };
    case 'line_not_active':
      return { form: t.transfer.lineNotActive };
  }
  const result: Errors = {};
  for (const field of failure.problem.errors ?? []) {
    if (field.field === 'phone') {
      result.phone =
        field.code === 'unknown_number' || field.code === 'same_number' ? e[field.code] : e.invalid_phone;
    } else if (field.field === 'amount') {
      result.amount = amountWords(t, terms, field.code);
    }
  }
  return Object.keys(result).length > 0 ? result : { form: errorMessage(t, failure) };
}

function amountWords(t: Dictionary, terms: TransferTerms, code: string): string {
  const e = t.transfer.errors;
  if (code === 'too_small') return e.too_small(formatMoney(t.locale, terms.minAmount, { trimWhole: true }));
  if (code === 'too_large') return e.too_large(formatMoney(t.locale, terms.maxAmount, { trimWhole: true }));
  if (code === 'required' || code === 'fractional_kopecks' || code === 'negative') return e[code];
  return e.not_a_number;
}

/**
 * /pay/transfer (PAY-06): send money from a prepaid line to another of our numbers. The form shows the fee and
 * what leaves the balance as the amount is typed; "Continue" sends a code by SMS to the line; the code moves
 * the money (a new Idempotency-Key per code typed, the same one on a retry of the same code).
 */
export default function TransferPage({ me }: { me: Me }) {
  const t = useT();
  const lines = me.lines.filter(
    (line) => line.kind === 'mobile' && line.msisdn && line.status !== 'closed' && line.access === 'full',
  );
  const [lineId, setLineId] = useState(lines[0]?.id ?? '');
  const [sentVersion, setSentVersion] = useState(0);
  return (
    <div className="page vt-page" data-testid="transfer-page">
      <PaymentsTabs />
      <h1>{t.transfer.title}</h1>
      <p className="muted">{t.transfer.intro}</p>
      {lines.length === 0 ? (
        <p className="card">{t.transfer.noLines}</p>
      ) : (
        <>
          {lines.length > 1 && (
            <LineSelect
              id="transfer-line"
              label={t.transfer.from}
              lines={lines}
              value={lineId}
              onChange={setLineId}
            />
          )}
          <TransferFlow
            key={lineId}
            lineId={lineId}
            msisdn={lines.find((line) => line.id === lineId)?.msisdn ?? ''}
            onSent={() => setSentVersion((n) => n + 1)}
          />
          <SentTransfers key={`${lineId}:${sentVersion}`} lineId={lineId} />
        </>
      )}
    </div>
  );
}

type Step =
  | { kind: 'form' }
  | { kind: 'code'; transfer: MobileTransfer }
  | { kind: 'done'; transfer: MobileTransfer; balance: number };

/** The line's last transfers (PAY-06): when, to whom, amount, fee and status. */
function SentTransfers({ lineId }: { lineId: string }) {
  const t = useT();
  const w = t.transfer.sent;
  const sent = useResource((signal) => getSentTransfers(lineId, signal));
  if (sent.state.status === 'loading') return <LoadingState />;
  if (sent.state.status === 'error') return <ErrorState error={sent.state.error} onRetry={sent.reload} />;
  const transfers = sent.state.data;
  return (
    <section className="card" data-testid="transfer-sent">
      <h2>{w.title}</h2>
      {transfers.length === 0 ? (
        <p className="muted">{w.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="statements-table">
            <thead>
              <tr>
                <th scope="col">{w.when}</th>
                <th scope="col">{w.to}</th>
                <th scope="col">{w.amount}</th>
                <th scope="col">{w.fee}</th>
                <th scope="col">{w.status}</th>
              </tr>
            </thead>
            <tbody>
              {transfers.map((transfer) => (
                <tr key={transfer.id} data-testid="transfer-sent-row" data-status={transfer.status}>
                  <td>{formatDateTime(t.locale, transfer.completedAt ?? transfer.createdAt)}</td>
                  <td>{formatMsisdn(transfer.phone)}</td>
                  <td>{formatMoney(t.locale, transfer.amount)}</td>
                  <td>{formatMoney(t.locale, transfer.fee)}</td>
                  <td>{w.statuses[transfer.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TransferFlow({
  lineId,
  msisdn,
  onSent,
}: {
  lineId: string;
  msisdn: string;
  /** A transfer was started or completed: the list of sent transfers is read again. */
  onSent: () => void;
}) {
  const t = useT();
  const w = t.transfer;
  const terms = useResource((signal) => getTransferTerms(lineId, signal));
  useSessionGuard(terms.state.status === 'error' ? terms.state.error : null);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [number, setNumber] = useState('');
  const [amountText, setAmountText] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const intent = useRef<{ request: string; key: string } | null>(null);

  if (terms.state.status === 'loading') return <LoadingState />;
  if (terms.state.status === 'error') {
    const failure = terms.state.error;
    if (
      failure instanceof ApiError &&
      (failure.code === 'not_prepaid' || failure.code === 'line_not_active')
    ) {
      return <p className="card">{failure.code === 'not_prepaid' ? w.notPrepaid : w.lineNotActive}</p>;
    }
    return <ErrorState error={failure} onRetry={terms.reload} />;
  }
  const data = terms.state.data;
  const money = (kopecks: number) => formatMoney(t.locale, kopecks);
  const parsed = parseTransferRubles(amountText);
  const amount = parsed.ok ? Number(parsed.amount) : null;
  const fee = amount !== null ? feeOf(data, amount) : null;

  /** One key per intent: a double click or a retry of the same request is applied once. */
  function keyFor(request: unknown): string {
    const text = JSON.stringify(request);
    if (intent.current?.request !== text) intent.current = { request: text, key: newIdempotencyKey() };
    return intent.current.key;
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (number.trim() === '') found.phone = w.errors.numberRequired;
    if (!parsed.ok) found.amount = amountWords(t, data, parsed.problem);
    setErrors(found);
    if (Object.keys(found).length > 0 || amount === null) return;
    const body = { phone: number.trim(), amount };
    setBusy(true);
    try {
      const transfer = await startTransfer(lineId, body, keyFor({ start: body }));
      setCode('');
      setStep({ kind: 'code', transfer });
      onSent();
    } catch (failure) {
      setErrors(transferErrors(t, data, failure));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent, transfer: MobileTransfer) {
    event.preventDefault();
    const typed = code.trim();
    if (!/^\d{6}$/.test(typed)) {
      setErrors({ code: w.errors.codeFormat });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const done = await confirmTransfer(lineId, transfer.id, typed, keyFor({ confirm: transfer.id, typed }));
      setStep({ kind: 'done', transfer: done.transfer, balance: done.balance });
      terms.reload();
      onSent();
    } catch (failure) {
      setErrors(transferErrors(t, data, failure));
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    intent.current = null;
    setErrors({});
    setAmountText('');
    setStep({ kind: 'form' });
  }

  const quote = (transfer: { amount: number; fee: number; total: number }) => (
    <dl className="vt-quote" data-testid="transfer-quote">
      <dt>{w.recipientGets}</dt>
      <dd data-testid="transfer-amount-shown">{money(transfer.amount)}</dd>
      <dt>{w.fee}</dt>
      <dd data-testid="transfer-fee">{money(transfer.fee)}</dd>
      <dt className="vt-total">{w.total}</dt>
      <dd className="vt-total" data-testid="transfer-total">
        {money(transfer.total)}
      </dd>
    </dl>
  );

  if (step.kind === 'done') {
    return (
      <section className="card vt-done" data-testid="transfer-done" aria-live="polite">
        <p>
          <strong>{w.done(money(step.transfer.amount), formatMsisdn(step.transfer.phone))}</strong>
        </p>
        {quote(step.transfer)}
        <p data-testid="transfer-balance-after">{w.balanceAfter(money(step.balance))}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={restart}
          data-testid="transfer-another"
        >
          {w.another}
        </button>
      </section>
    );
  }

  if (step.kind === 'code') {
    const { transfer } = step;
    return (
      <form
        className="card vt-form"
        onSubmit={(event) => void confirm(event, transfer)}
        noValidate
        aria-busy={busy}
        data-testid="transfer-code-step"
      >
        <h2>{w.codeTitle}</h2>
        <p data-testid="transfer-recipient">
          {w.number}: <strong>{formatMsisdn(transfer.phone)}</strong>
        </p>
        <p className="muted">{w.codeSent(formatMsisdn(msisdn))}</p>
        {quote(transfer)}
        <TextField
          id="transfer-code"
          label={w.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={setCode}
          error={errors.code}
          testId="transfer-code"
        />
        <div aria-live="polite">
          {errors.form && (
            <p className="form-error" role="alert" data-testid="transfer-error">
              {errors.form}
            </p>
          )}
        </div>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy}
          data-testid="transfer-confirm"
        >
          {w.confirm}
        </button>
        <button type="button" className="button button-ghost" onClick={restart} data-testid="transfer-back">
          {w.back}
        </button>
      </form>
    );
  }

  const percent = `${data.feeBasisPoints / 100}\u00a0%`;
  return (
    <form className="card vt-form" onSubmit={start} noValidate aria-busy={busy} data-testid="transfer-form">
      <p data-testid="transfer-balance">{w.balance(money(data.balance))}</p>
      <TextField
        id="transfer-number"
        label={w.number}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        value={number}
        onChange={setNumber}
        hint={w.numberHint}
        error={errors.phone}
        testId="transfer-number"
      />
      <TextField
        id="transfer-amount"
        label={w.amount}
        inputMode="decimal"
        autoComplete="off"
        value={amountText}
        onChange={setAmountText}
        hint={
          <>
            {w.amountHint(
              formatMoney(t.locale, data.minAmount, { trimWhole: true }),
              formatMoney(t.locale, data.maxAmount, { trimWhole: true }),
            )}{' '}
            · {w.feeRule(formatMoney(t.locale, data.feeFixed, { trimWhole: true }), percent)}
          </>
        }
        error={errors.amount}
        testId="transfer-amount"
      />
      {amount !== null && fee !== null && quote({ amount, fee, total: amount + fee })}
      <p className="hint">
        {w.limits(
          money(
            Math.max(0, Math.min(data.dailyLimit - data.sentToday, data.monthlyLimit - data.sentThisMonth)),
          ),
          money(Math.max(0, data.monthlyLimit - data.sentThisMonth)),
          money(data.minBalanceLeft),
        )}
      </p>
      <div aria-live="polite">
        {errors.form && (
          <p className="form-error" role="alert" data-testid="transfer-error">
            {errors.form}
          </p>
        )}
      </div>
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy}
        data-testid="transfer-submit"
      >
        {w.next}
      </button>
    </form>
  );
}
