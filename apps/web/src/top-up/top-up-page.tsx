import { parseTopUpRubles } from '@kabinet/core';
import { type FormEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/api-client';
import { getCardTopUpTerms, startCardTopUp, type TopUpTarget } from '../api/top-up-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { formatMoney } from '../format/money';
import { FieldMessages } from '../forms/field-messages';
import { errorMessage } from '../i18n/error-message';
import { useLang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import { RecipientPicker } from '../payments-nav/recipient-picker';
import './top-up.css';

type Errors = Partial<Record<'amount' | 'msisdn' | 'saveCard' | 'form', string>>;

/** A field error code of the top-up API (or of the same rule run here) in the user's words. */
function amountWords(t: Dictionary, code: string, min: string, max: string): string {
  const e = t.topUp.errors;
  if (code === 'too_small') return e.too_small(min);
  if (code === 'too_large') return e.too_large(max);
  if (code === 'required' || code === 'not_a_number' || code === 'fractional_kopecks' || code === 'negative')
    return e[code];
  return e.not_a_number;
}

/**
 * /pay (PAY-01/02): top up one of your lines or any other number by card, 100–15,000 ₽, no commission. The
 * payment is started here and finished on the acquirer's hosted page (the TEST sandbox's, with 3-D Secure),
 * which sends the browser back to /pay/result. `?amount=<kopecks>&line=…|number=…` prefills a retry.
 */
export default function TopUpPage({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const w = t.topUp;
  const [params] = useSearchParams();
  const terms = useResource(getCardTopUpTerms);
  useSessionGuard(terms.state.status === 'error' ? terms.state.error : null);
  const lines = me.lines.filter((line) => line.status !== 'closed');
  const initialLine = lines.find((line) => line.id === params.get('line')) ?? lines[0];
  const [mode, setMode] = useState<'own' | 'other'>(params.get('number') || !initialLine ? 'other' : 'own');
  const [lineId, setLineId] = useState(initialLine?.id ?? '');
  const [number, setNumber] = useState(params.get('number') ?? '');
  const prefill = Number(params.get('amount'));
  const [amountText, setAmountText] = useState(
    Number.isSafeInteger(prefill) && prefill > 0
      ? String(prefill / 100).replace('.', lang === 'ru' ? ',' : '.')
      : '',
  );
  const [saveCard, setSaveCard] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
  const intent = useRef<{ request: string; key: string } | null>(null);

  if (terms.state.status === 'loading') return <LoadingState />;
  if (terms.state.status === 'error') return <ErrorState error={terms.state.error} onRetry={terms.reload} />;
  const { presets, minAmount, maxAmount, acquirer } = terms.state.data;
  const money = (kopecks: number) => formatMoney(t.locale, kopecks, { trimWhole: true });
  const min = money(minAmount);
  const max = money(maxAmount);
  const parsed = parseTopUpRubles(amountText);
  const amount = parsed.ok ? Number(parsed.amount) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!parsed.ok) found.amount = amountWords(t, parsed.problem, min, max);
    if (mode === 'other' && number.trim() === '') found.msisdn = w.errors.numberRequired;
    setErrors(found);
    if (Object.keys(found).length > 0 || amount === null) return;
    const target: TopUpTarget = mode === 'own' ? { lineId } : { msisdn: number.trim() };
    const body = { ...target, amount, saveCard: mode === 'own' && saveCard };
    // One key per intent: a double click or a retry of the same payment makes one payment, a changed one a new one.
    const request = JSON.stringify(body);
    if (intent.current?.request !== request) intent.current = { request, key: newIdempotencyKey() };
    setBusy(true);
    try {
      const started = await startCardTopUp(body, intent.current.key);
      setRedirecting(true);
      window.location.assign(started.confirmationUrl);
    } catch (failure) {
      setBusy(false);
      setErrors(serverErrors(failure));
    }
  }

  function serverErrors(failure: unknown): Errors {
    if (!(failure instanceof ApiError)) return { form: errorMessage(t, failure) };
    if (failure.code === 'acquirer_unavailable') return { form: w.errors.acquirer_unavailable };
    const result: Errors = {};
    for (const field of failure.problem.errors ?? []) {
      if (field.field === 'amount') result.amount = amountWords(t, field.code, min, max);
      else if (field.field === 'msisdn' || field.field === 'lineId') {
        result.msisdn =
          field.code === 'unknown_number' || field.code === 'invalid_phone'
            ? w.errors[field.code]
            : w.errors.numberRequired;
      } else if (field.field === 'saveCard') result.saveCard = w.errors.not_own_line;
    }
    return Object.keys(result).length > 0 ? result : { form: errorMessage(t, failure) };
  }

  return (
    <div className="page top-up-page" data-testid="top-up-page">
      <PaymentsTabs />
      <h1>{w.title}</h1>
      <p className="muted">{w.intro}</p>
      {acquirer.test && (
        <p className="top-up-test" role="note" data-testid="top-up-test-notice">
          {w.testNotice}
        </p>
      )}
      <form className="card top-up-form" onSubmit={submit} noValidate aria-busy={busy}>
        <RecipientPicker
          idPrefix="top-up"
          words={w}
          lines={lines}
          mode={mode}
          onMode={setMode}
          lineId={lineId}
          onLineId={setLineId}
          number={number}
          onNumber={setNumber}
          error={errors.msisdn}
        />

        <div className="field">
          <label htmlFor="top-up-amount">{w.amount}</label>
          <fieldset className="chips top-up-presets" aria-label={w.presets}>
            {presets.map((preset) => (
              <button
                key={preset}
                type="button"
                className="chip top-up-preset"
                aria-pressed={amount === preset}
                onClick={() => {
                  setAmountText(String(preset / 100));
                  setErrors((e) => ({ ...e, amount: undefined }));
                }}
                data-testid={`top-up-preset-${preset}`}
              >
                {money(preset)}
              </button>
            ))}
          </fieldset>
          <input
            id="top-up-amount"
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            onChange={(event) => setAmountText(event.target.value)}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby="top-up-amount-hint top-up-amount-error"
            data-testid="top-up-amount"
          />
          <p id="top-up-amount-hint" className="hint">
            {w.amountHint(min, max)} · {w.noCommission}
          </p>
          <FieldMessages id="top-up-amount-error" messages={errors.amount ? [errors.amount] : []} />
        </div>

        {mode === 'own' && (
          <div className="checkbox-field">
            <input
              id="top-up-save-card"
              type="checkbox"
              checked={saveCard}
              onChange={(event) => setSaveCard(event.target.checked)}
              data-testid="top-up-save-card"
            />
            <label htmlFor="top-up-save-card">{w.saveCard}</label>
            <p className="hint">{w.saveCardHint}</p>
            <FieldMessages id="top-up-save-card-error" messages={errors.saveCard ? [errors.saveCard] : []} />
          </div>
        )}

        <div aria-live="polite">
          {errors.form && (
            <p className="form-error" role="alert" data-testid="top-up-error">
              {errors.form}
            </p>
          )}
          {redirecting && <p className="muted">{w.redirecting}</p>}
        </div>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy}
          data-testid="top-up-submit"
        >
          {amount !== null ? w.pay(money(amount)) : w.payNoAmount}
        </button>
      </form>
    </div>
  );
}
