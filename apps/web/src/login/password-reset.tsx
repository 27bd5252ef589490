import { type FormEvent, useEffect, useRef, useState } from 'react';
import { requestResetCode, resetPassword } from '../api/access-api';
import type { CodeIssued, IdentifierKind } from '../api/access-types';
import { useAuth } from '../auth/auth-context';
import { toE164, unbreakable } from '../format/phone';
import { FieldMessages } from '../forms/field-messages';
import { PasswordInput } from '../forms/password-input';
import { fieldMessages, onlyFieldErrors } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';
import { FormError, LOGIN_ERROR_ID } from './form-error';
import { useLoginFlow } from './login-flow';

const CODE_LENGTH = 6;

/** "Forgot password?": a code by SMS, then the code and a new password; success logs in (ACCESS-02). */
export function PasswordReset({
  kind,
  contract,
  onContractChange,
  rememberDevice,
  onBack,
}: {
  kind: IdentifierKind;
  contract: string;
  onContractChange: (value: string) => void;
  rememberDevice: boolean;
  onBack: () => void;
}) {
  const t = useT();
  const { signedIn } = useAuth();
  const { phone, setPhone, setPrompted } = useLoginFlow();
  const identifier = kind === 'contract' ? contract : phone;
  const [issued, setIssued] = useState<CodeIssued | null>(null);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  async function sendCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setIssued(await requestResetCode({ kind, identifier: identifier.trim() }));
      // Demo mode: the virtual phone shows the inbox the code went to.
      if (kind === 'phone') setPrompted(toE164(phone));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      signedIn(
        await resetPassword({ kind, identifier: identifier.trim(), code, newPassword, rememberDevice }),
      );
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const passwordErrors = fieldMessages(t, error, 'newPassword');
  const general = onlyFieldErrors(error, 'newPassword') ? null : error;

  return (
    <div className="login-form">
      <h1 id="login-title" ref={heading} tabIndex={-1} className="login-heading">
        {t.passwordReset.title}
      </h1>
      {!issued ? (
        <form className="login-form" onSubmit={sendCode} noValidate>
          <p className="muted">{t.passwordReset.intro}</p>
          <div className="field">
            <label htmlFor="reset-identifier">
              {kind === 'contract' ? t.passwordLogin.contractLabel : t.login.phoneLabel}
            </label>
            <input
              id="reset-identifier"
              type={kind === 'contract' ? 'text' : 'tel'}
              inputMode={kind === 'contract' ? 'numeric' : 'tel'}
              autoComplete={kind === 'contract' ? 'username' : 'tel'}
              placeholder={
                kind === 'contract' ? t.passwordLogin.contractPlaceholder : t.login.phonePlaceholder
              }
              value={identifier}
              onChange={(event) =>
                kind === 'contract' ? onContractChange(event.target.value) : setPhone(event.target.value)
              }
              aria-invalid={error !== null}
              aria-describedby={error !== null ? LOGIN_ERROR_ID : undefined}
              data-testid="reset-identifier"
              required
            />
            <FormError error={error} />
          </div>
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={busy}
            data-testid="reset-send-code"
          >
            {busy ? t.passwordReset.sending : t.passwordReset.sendCode}
          </button>
        </form>
      ) : (
        <form className="login-form" onSubmit={submit} noValidate>
          <p className="muted" role="status">
            {t.passwordReset.codeSentTo(unbreakable(issued.maskedPhone))}
          </p>
          <div className="field">
            <label htmlFor="reset-code">{t.passwordReset.codeLabel}</label>
            <input
              id="reset-code"
              className="code-input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={CODE_LENGTH}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, CODE_LENGTH))}
              data-testid="reset-code"
              required
            />
          </div>
          <div>
            <PasswordInput
              id="reset-new-password"
              label={t.passwordReset.newPassword}
              value={newPassword}
              onChange={setNewPassword}
              autoComplete="new-password"
              invalid={passwordErrors.length > 0}
              describedBy={passwordErrors.length > 0 ? 'reset-policy reset-password-error' : 'reset-policy'}
              testId="reset-new-password"
            />
            <p id="reset-policy" className="hint">
              {t.passwordPolicy}
            </p>
            <FieldMessages id="reset-password-error" messages={passwordErrors} />
          </div>
          <FormError error={general} />
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={busy}
            data-testid="reset-submit"
          >
            {busy ? t.passwordReset.busy : t.passwordReset.submit}
          </button>
        </form>
      )}
      <div className="login-links">
        <button type="button" className="link-button" onClick={onBack} data-testid="reset-back">
          {t.passwordReset.back}
        </button>
      </div>
    </div>
  );
}
