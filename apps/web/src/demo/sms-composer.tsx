import { type FormEvent, useCallback, useState } from 'react';
import { formatMessageTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';
import { useResource } from '../lib/use-resource';
import { FormError } from '../login/form-error';
import { getSentSms, type SmsOutcome, sendPhoneSms } from './phone-api';

/** DEMO-02: the phone writes an SMS to a short number (an SMS command, CHAN-04); its sent folder below. */
export function SmsComposer({ msisdn }: { msisdn: string }) {
  const t = useT();
  const [to, setTo] = useState('000110');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<SmsOutcome | null>(null);
  const load = useCallback((signal: AbortSignal) => getSentSms(msisdn, signal), [msisdn]);
  const sent = useResource(load);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      setOutcome((await sendPhoneSms(msisdn, to, text)).outcome);
      setText('');
      sent.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="vp-compose" data-testid="vp-compose">
      <form onSubmit={send}>
        <div className="field">
          <label htmlFor="vp-sms-to">{t.phone.sendTo}</label>
          <input
            id="vp-sms-to"
            inputMode="numeric"
            required
            maxLength={20}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            data-testid="vp-sms-to"
          />
        </div>
        <div className="field">
          <label htmlFor="vp-sms-text">{t.phone.sendText}</label>
          <textarea
            id="vp-sms-text"
            rows={2}
            maxLength={1000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby="vp-sms-hint"
            data-testid="vp-sms-text"
          />
          <p id="vp-sms-hint" className="hint">
            {t.phone.sendHint}
          </p>
        </div>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy}
          data-testid="vp-sms-send"
        >
          {t.phone.send}
        </button>
      </form>
      <div aria-live="polite">
        {outcome && (
          <p className="vp-note" data-testid="vp-sms-outcome">
            {t.phone.sentOutcome[outcome]}
          </p>
        )}
      </div>
      <FormError error={error} />
      <h3 className="vp-inbox-title">{t.phone.sent}</h3>
      {sent.state.status === 'ready' && sent.state.data.length === 0 && (
        <p className="vp-note">{t.phone.sentEmpty}</p>
      )}
      {sent.state.status === 'ready' && (
        <ul className="vp-messages" aria-label={t.phone.sent}>
          {sent.state.data.map((message) => (
            <li key={message.id} className="vp-message vp-sent" data-testid="vp-sent">
              <div className="vp-message-meta">
                <span className="vp-from">→ {message.to}</span>
                <time dateTime={message.sentAt}>{formatMessageTime(t.locale, message.sentAt)}</time>
              </div>
              <p className="vp-body">{message.body || '—'}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
