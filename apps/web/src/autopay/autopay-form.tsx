import { type FormEvent, useId, useState } from 'react';
import { type AutopayDraft, type AutopayKind, createAutopay, type SavedCard } from '../api/autopay-api';
import { ActionError } from '../catalog/action-error';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import type { Worded } from '../catalog/worded';
import { FieldMessages } from '../forms/field-messages';
import { useT } from '../i18n/i18n-context';
import { type AutopayField, autopayFieldErrors, isFieldError } from './autopay-field-errors';
import { kopecksFromField } from './rubles-field';

/**
 * A new autopay rule: by threshold or monthly, the amount, the card and optional limits. The form checks that
 * the fields are amounts before sending; the server checks the rest and its errors show under their fields.
 * One `Idempotency-Key` per intent: kept across retries of the same values, renewed when a value changes.
 */
export function AutopayForm({
  lineId,
  cards,
  canChange,
  onCreated,
}: {
  lineId: string;
  cards: SavedCard[];
  canChange: boolean;
  onCreated: (message: Worded) => void;
}) {
  const t = useT();
  const a = t.autopay;
  const id = useId();
  const [kind, setKind] = useState<AutopayKind>('threshold');
  const [fields, setFields] = useState({
    threshold: '100',
    dayOfMonth: '1',
    amount: '500',
    dailyLimit: '',
    monthlyLimit: '',
  });
  const [cardId, setCardId] = useState(cards[0]?.id ?? '');
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Partial<Record<AutopayField, string>>>({});

  const server = autopayFieldErrors(t, error);
  const messages = (field: AutopayField) => [local[field] ?? server[field]].filter((m): m is string => !!m);
  const change = (field: keyof typeof fields, value: string) => {
    setFields((f) => ({ ...f, [field]: value }));
    setKey(newIdempotencyKey());
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = kopecksFromField(fields.amount);
    const threshold = kopecksFromField(fields.threshold);
    const dailyLimit = kopecksFromField(fields.dailyLimit);
    const monthlyLimit = kopecksFromField(fields.monthlyLimit);
    const found: Partial<Record<AutopayField, string>> = {};
    if (amount === undefined || amount === null) found.amount = a.notAmount;
    if (kind === 'threshold' && (threshold === undefined || threshold === null))
      found.threshold = a.notAmount;
    if (dailyLimit === undefined) found.dailyLimit = a.notAmount;
    if (monthlyLimit === undefined) found.monthlyLimit = a.notAmount;
    setLocal(found);
    setError(null);
    if (Object.keys(found).length > 0 || amount === undefined || amount === null) return;
    const draft: AutopayDraft = {
      kind,
      amount,
      cardId,
      ...(kind === 'threshold' ? { threshold } : { dayOfMonth: Number(fields.dayOfMonth) }),
      dailyLimit: dailyLimit ?? null,
      monthlyLimit: monthlyLimit ?? null,
    };
    setBusy(true);
    try {
      await createAutopay(lineId, draft, key);
      setKey(newIdempotencyKey());
      onCreated((tt) => tt.autopay.created);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const input = (field: keyof typeof fields, label: string, hint?: string) => {
    const inputId = `${id}-${field}`;
    const errs = messages(field as AutopayField);
    return (
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          inputMode="decimal"
          autoComplete="off"
          value={fields[field]}
          onChange={(e) => change(field, e.target.value)}
          aria-invalid={errs.length > 0 || undefined}
          aria-describedby={errs.length > 0 ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
          data-testid={`autopay-${field}`}
        />
        {hint && errs.length === 0 && (
          <p id={`${inputId}-hint`} className="muted autopay-hint">
            {hint}
          </p>
        )}
        <FieldMessages id={`${inputId}-error`} messages={errs} />
      </div>
    );
  };

  return (
    <section className="card autopay-form" aria-labelledby={`${id}-title`} data-testid="autopay-form">
      <h2 id={`${id}-title`}>{a.formTitle}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="autopay-kind">
          <legend className="field-legend">{a.kind}</legend>
          {(['threshold', 'monthly'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setKey(newIdempotencyKey());
                }}
                data-testid={`autopay-kind-${k}`}
              />
              {k === 'threshold' ? a.kindThreshold : a.kindMonthly}
            </label>
          ))}
        </fieldset>
        {kind === 'threshold' ? (
          input('threshold', a.threshold)
        ) : (
          <div className="field">
            <label htmlFor={`${id}-day`}>{a.dayOfMonth}</label>
            <select
              id={`${id}-day`}
              value={fields.dayOfMonth}
              onChange={(e) => change('dayOfMonth', e.target.value)}
              aria-describedby={`${id}-day-hint`}
              data-testid="autopay-dayOfMonth"
            >
              {Array.from({ length: 31 }, (_, i) => String(i + 1)).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            <p id={`${id}-day-hint`} className="muted autopay-hint">
              {a.dayHint}
            </p>
            <FieldMessages id={`${id}-day-error`} messages={messages('dayOfMonth')} />
          </div>
        )}
        {input('amount', a.amount, a.amountHint)}
        <div className="field">
          <label htmlFor={`${id}-card`}>{a.cardField}</label>
          <select
            id={`${id}-card`}
            value={cardId}
            onChange={(e) => {
              setCardId(e.target.value);
              setKey(newIdempotencyKey());
            }}
            data-testid="autopay-card-select"
          >
            {cards.map((card) => (
              <option key={card.id} value={card.id}>
                {`${a.card(card.brand, card.last4)} ${a.expires(card.expires)}`}
              </option>
            ))}
          </select>
          <FieldMessages id={`${id}-card-error`} messages={messages('cardId')} />
        </div>
        <div className="autopay-limits">
          {input('dailyLimit', a.dailyLimit)}
          {input('monthlyLimit', a.monthlyLimit)}
        </div>
        <p className="muted autopay-hint">{a.limitsHint}</p>
        {!isFieldError(error) && <ActionError error={error} />}
        <button
          type="submit"
          className="button button-primary"
          disabled={!canChange || busy || !cardId}
          data-testid="autopay-create"
        >
          {busy ? a.creating : a.create}
        </button>
      </form>
    </section>
  );
}
