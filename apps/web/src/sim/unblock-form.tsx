import { type FormEvent, useId, useState } from 'react';
import { sendUnblockCode, unblockSim } from '../api/sim-api';
import type { UnblockCodeSent } from '../api/sim-types';
import type { Worded } from '../catalog/worded';
import { formatDateTime } from '../format/dates';
import { useLang } from '../i18n/i18n-context';
import { simErrorMessage } from './sim-errors';
import { unblockErrorMessage } from './unblock-errors';

/**
 * SVC-09 self-service unblocking: a code goes to the subscriber's other contact (never the lost SIM), and the
 * code entered here lifts the block. Wrong codes are counted by the server; the form says how many are left.
 */
export function UnblockForm({
  lineId,
  contact,
  onDone,
}: {
  lineId: string;
  contact: string;
  onDone: (message: Worded) => void;
}) {
  const { t, lang } = useLang();
  const u = t.simUnblock;
  const codeId = useId();
  const [sent, setSent] = useState<UnblockCodeSent | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function send() {
    setBusy(true);
    setError(null);
    try {
      setSent(await sendUnblockCode(lineId));
      setCode('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function unblock(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unblockSim(lineId, code);
      onDone((t) => t.simUnblock.done);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const message = error ? (unblockErrorMessage(t, error) ?? simErrorMessage(t, lang, error)) : null;
  return (
    <div className="unblock-form" data-testid="unblock-form">
      <h3>{u.title}</h3>
      <p className="muted">{u.hint(contact)}</p>
      {sent && (
        <p className="hint" data-testid="unblock-sent">
          {u.sent(sent.sentTo, formatDateTime(t.locale, sent.expiresAt))}
        </p>
      )}
      {sent ? (
        <form onSubmit={unblock} className="unblock-code-row">
          <div className="field">
            <label htmlFor={codeId}>{u.code}</label>
            <input
              id={codeId}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              value={code}
              aria-invalid={message !== null}
              aria-describedby={message ? `${codeId}-error` : undefined}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
              data-testid="unblock-code"
            />
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="unblock-submit"
          >
            {busy ? u.working : u.unblock}
          </button>
          <button
            type="button"
            className="button button-ghost"
            disabled={busy}
            onClick={send}
            data-testid="unblock-resend"
          >
            {u.resend}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={send}
          data-testid="unblock-send"
        >
          {busy ? u.sending : u.send}
        </button>
      )}
      <div className="form-error-region" aria-live="assertive" aria-atomic="true">
        {message && (
          <p className="action-error" id={`${codeId}-error`} data-testid="unblock-error">
            {message}
          </p>
        )}
      </div>
    </div>
  );
}
