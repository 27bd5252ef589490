import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, requestCode, verifyCode } from '../api/api-client';
import { useAuth } from '../auth/auth-context';
import { formatClock, formatWait } from '../format/duration';
import { useT } from '../i18n/i18n-context';
import { useCountdown } from '../lib/use-countdown';
import { FormError, LOGIN_ERROR_ID } from './form-error';
import { type SentCode, toSentCode, useLoginFlow } from './login-flow';

const CODE_LENGTH = 6;

/** Step 2: the code from the SMS, "send again" after the cool-down, and a way back to change the number. */
export function CodeStep({ sent, rememberDevice }: { sent: SentCode; rememberDevice: boolean }) {
  const t = useT();
  const { signedIn } = useAuth();
  const { setSent } = useLoginFlow();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [resending, setResending] = useState(false);
  const [resent, setResent] = useState(false);
  // Normally the server's cool-down; moved when the server says to wait longer or that the code expired.
  const [resendAt, setResendAt] = useState(sent.resendAt);
  const resendIn = useCountdown(resendAt);
  const codeInput = useRef<HTMLInputElement>(null);

  // The button that brought us here is gone: move focus to where the user continues.
  useEffect(() => codeInput.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setResent(false);
    try {
      const me = await verifyCode({ phone: sent.phone, code, rememberDevice });
      setSent(null);
      signedIn(me);
    } catch (failure) {
      setError(failure);
      setBusy(false);
      if (failure instanceof ApiError && failure.code === 'code_expired') setResendAt(Date.now());
      codeInput.current?.select();
    }
  }

  async function resend() {
    setError(null);
    setResent(false);
    setResending(true);
    try {
      const next = toSentCode(await requestCode(sent.phone));
      setSent(next);
      setResendAt(next.resendAt);
      setCode('');
      setResent(true);
      codeInput.current?.focus();
    } catch (failure) {
      setError(failure);
      const wait = failure instanceof ApiError ? failure.numberField('retryAfterSeconds') : undefined;
      setResendAt(Date.now() + (wait ?? 0) * 1000);
    } finally {
      setResending(false);
    }
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <h1 id="login-title">{t.login.codeTitle}</h1>
      <p className="muted">
        {t.login.codeSentTo} <span className="nowrap">{sent.maskedPhone}</span>.{' '}
        {t.login.codeValidFor(formatWait(t.time, sent.expiresInSeconds))}
      </p>

      <div className="field">
        <label htmlFor="login-code">{t.login.codeLabel}</label>
        <input
          ref={codeInput}
          id="login-code"
          name="code"
          className="code-input"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={CODE_LENGTH}
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, CODE_LENGTH))}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? LOGIN_ERROR_ID : undefined}
          data-testid="code-input"
          required
        />
        <FormError error={error} />
      </div>

      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy}
        data-testid="verify-code"
      >
        {busy ? t.login.verifying : t.login.verify}
      </button>

      <div className="login-links">
        <button type="button" className="link-button" onClick={resend} disabled={resending || resendIn > 0}>
          {resendIn > 0 ? t.login.resendIn(formatClock(resendIn)) : t.login.resend}
        </button>
        <button type="button" className="link-button" onClick={() => setSent(null)}>
          {t.login.changeNumber}
        </button>
      </div>
      <p className="hint" role="status">
        {resent ? t.login.codeResent : ''}
      </p>
    </form>
  );
}
