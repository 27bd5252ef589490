import { type FormEvent, useId, useState } from 'react';
import { setLowBalanceThreshold } from '../api/autopay-api';
import { ActionError } from '../catalog/action-error';
import type { Worded } from '../catalog/worded';
import { formatMoney } from '../format/money';
import { FieldMessages } from '../forms/field-messages';
import { useT } from '../i18n/i18n-context';
import { isFieldError } from './autopay-field-errors';
import { fieldFromKopecks, kopecksFromField } from './rubles-field';

/**
 * PAY-09: the threshold below which the subscriber is notified once (and again only after the balance was back
 * above it), or off. A balance already below a new threshold is told at once.
 */
export function LowBalanceSection({
  lineId,
  threshold,
  canChange,
  onDone,
}: {
  lineId: string;
  threshold: number | null;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const a = t.autopay;
  const id = useId();
  const [text, setText] = useState(fieldFromKopecks(threshold));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const money = (kopecks: number) => formatMoney(t.locale, kopecks, { trimWhole: true });

  async function save(value: number | null) {
    setBusy(true);
    setError(null);
    try {
      const saved = await setLowBalanceThreshold(lineId, value);
      const amount = saved.lowBalanceThreshold;
      if (amount === null) {
        setText('');
        onDone((tt) => tt.autopay.lowTurnedOff);
      } else {
        onDone((tt) => {
          const shown = formatMoney(tt.locale, amount, { trimWhole: true });
          return saved.below ? tt.autopay.lowSavedBelow(shown) : tt.autopay.lowSaved(shown);
        });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = kopecksFromField(text);
    if (value === undefined || value === null) {
      setLocal(a.notAmount);
      return;
    }
    setLocal(null);
    void save(value);
  }

  const messages = [local ?? (isFieldError(error) ? a.fieldErrors.lowThreshold : null)].filter(
    (m): m is string => !!m,
  );
  return (
    <section className="card autopay-low" aria-labelledby={`${id}-title`} data-testid="low-balance">
      <h2 id={`${id}-title`}>{a.lowTitle}</h2>
      <p className="muted">{a.lowIntro}</p>
      <p data-testid="low-balance-current">
        {threshold === null ? a.lowNone : a.lowCurrent(money(threshold))}
      </p>
      <form onSubmit={submit} noValidate className="autopay-low-form">
        <div className="field">
          <label htmlFor={`${id}-value`}>{a.lowField}</label>
          <input
            id={`${id}-value`}
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={messages.length > 0 ? `${id}-error` : undefined}
            data-testid="low-balance-threshold"
          />
          <FieldMessages id={`${id}-error`} messages={messages} />
        </div>
        <div className="autopay-rule-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!canChange || busy}
            data-testid="low-balance-save"
          >
            {busy ? a.lowSaving : a.lowSave}
          </button>
          {threshold !== null && (
            <button
              type="button"
              className="button button-ghost"
              disabled={!canChange || busy}
              onClick={() => void save(null)}
              data-testid="low-balance-off"
            >
              {a.lowOff}
            </button>
          )}
        </div>
      </form>
      {!isFieldError(error) && <ActionError error={error} />}
    </section>
  );
}
