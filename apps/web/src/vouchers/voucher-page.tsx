import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import type { Me } from '../api/types';
import { getDemoVouchers, redeemVoucher, type VoucherRedeemed } from '../api/voucher-api';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { formatWait } from '../format/duration';
import { formatMoney } from '../format/money';
import { formatMsisdn } from '../format/phone';
import { TextField } from '../forms/text-field';
import { errorMessage } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';
import { useResource } from '../lib/use-resource';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import { RecipientPicker } from '../payments-nav/recipient-picker';
import './voucher.css';

type Errors = Partial<Record<'code' | 'phone' | 'form', string>>;

/** A problem of POST /vouchers/redeem in the user's words, on the field it concerns. */
function redeemErrors(t: Dictionary, failure: unknown): Errors {
  const w = t.voucher.errors;
  if (!(failure instanceof ApiError)) return { form: errorMessage(t, failure) };
  const extra = failure.problem as { attemptsLeft?: number; retryAfterSeconds?: number };
  if (failure.code === 'voucher_invalid') {
    return { code: `${w.voucher_invalid} ${w.attemptsLeft(extra.attemptsLeft ?? 0)}` };
  }
  if (failure.code === 'voucher_locked')
    return { form: w.locked(formatWait(t.time, extra.retryAfterSeconds ?? 3600)) };
  const result: Errors = {};
  for (const field of failure.problem.errors ?? []) {
    if (field.field === 'code') {
      result.code = field.code === 'checksum' || field.code === 'required' ? w[field.code] : w.invalid_format;
    } else if (field.field === 'phone') {
      result.phone = field.code === 'unknown_number' ? w.unknown_number : w.invalid_phone;
    }
  }
  return Object.keys(result).length > 0 ? result : { form: errorMessage(t, failure) };
}

/**
 * /pay/voucher (PAY-03): top up one's own or any of our numbers with the code of a prepaid card. The server
 * answers a wrong or used code alike and locks after five of them in an hour; the screen says how many
 * attempts remain and, when locked, for how long.
 */
export default function VoucherPage({ me }: { me: Me }) {
  const t = useT();
  const w = t.voucher;
  const lines = me.lines.filter((line) => line.kind === 'mobile' && line.msisdn && line.status !== 'closed');
  const [mode, setMode] = useState<'own' | 'other'>(lines.length > 0 ? 'own' : 'other');
  const [lineId, setLineId] = useState(lines[0]?.id ?? '');
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<VoucherRedeemed | null>(null);
  const intent = useRef<{ request: string; key: string } | null>(null);
  const money = (kopecks: number) => formatMoney(t.locale, kopecks);
  const demo = useResource(getDemoVouchers);
  const demoCards = demo.state.status === 'ready' ? demo.state.data : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const phone = mode === 'own' ? (lines.find((l) => l.id === lineId)?.msisdn ?? '') : number.trim();
    const found: Errors = {};
    if (code.trim() === '') found.code = w.errors.required;
    if (phone === '') found.phone = w.errors.numberRequired;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = { code: code.trim(), phone };
    // One key per attempt: a double click redeems once; a corrected code or number is a new attempt.
    const request = JSON.stringify(body);
    if (intent.current?.request !== request) intent.current = { request, key: newIdempotencyKey() };
    setBusy(true);
    try {
      setDone(await redeemVoucher(body, intent.current.key));
      setCode('');
      intent.current = null;
      demo.reload();
    } catch (failure) {
      setErrors(redeemErrors(t, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page vt-page" data-testid="voucher-page">
      <PaymentsTabs />
      <h1>{w.title}</h1>
      <p className="muted">{w.intro}</p>
      {done ? (
        <section className="card vt-done" data-testid="voucher-done" aria-live="polite">
          <p className="voucher-done-amount">
            <strong>{w.done(money(done.amount), formatMsisdn(done.phone))}</strong>
          </p>
          <p className="muted">{w.serial(done.serial)}</p>
          {done.balance !== null && <p data-testid="voucher-balance">{w.balance(money(done.balance))}</p>}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDone(null)}
            data-testid="voucher-another"
          >
            {w.another}
          </button>
        </section>
      ) : (
        <>
          {demoCards.length > 0 && (
            <section className="card" data-testid="voucher-demo">
              <h2>{w.demoTitle}</h2>
              <ul className="chips">
                {demoCards.map((card) => (
                  <li key={card.serial}>
                    <button
                      type="button"
                      className="chip"
                      title={w.demoUse(money(card.amount))}
                      onClick={() => setCode(card.code)}
                      data-testid="voucher-demo-card"
                    >
                      {formatMoney(t.locale, card.amount, { trimWhole: true })} · {card.code}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <form className="card vt-form" onSubmit={submit} noValidate aria-busy={busy}>
            <TextField
              id="voucher-code"
              label={w.code}
              inputMode="numeric"
              autoComplete="off"
              placeholder="0000-0000-0000-0000"
              value={code}
              onChange={setCode}
              hint={w.codeHint}
              error={errors.code}
              testId="voucher-code"
            />
            <RecipientPicker
              idPrefix="voucher"
              words={w}
              lines={lines}
              mode={mode}
              onMode={setMode}
              lineId={lineId}
              onLineId={setLineId}
              number={number}
              onNumber={setNumber}
              error={errors.phone}
            />
            <div aria-live="polite">
              {errors.form && (
                <p className="form-error" role="alert" data-testid="voucher-error">
                  {errors.form}
                </p>
              )}
            </div>
            <button
              type="submit"
              className="button button-primary button-block"
              disabled={busy}
              data-testid="voucher-submit"
            >
              {w.submit}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
