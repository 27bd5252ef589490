import { type FormEvent, useState } from 'react';
import type { CodeIssued } from '../api/access-types';
import { ApiError } from '../api/api-client';
import { changePassword, requestStepUpCode } from '../api/security-api';
import type { SecuritySettings } from '../api/security-types';
import { useAuth } from '../auth/auth-context';
import { formatDateTime } from '../format/dates';
import { unbreakable } from '../format/phone';
import { FieldMessages } from '../forms/field-messages';
import { PasswordInput } from '../forms/password-input';
import { fieldMessages, onlyFieldErrors } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';
import { FormError } from '../login/form-error';
import { SettingsSection } from './settings-section';

const CODE_LENGTH = 6;

/**
 * ACCESS-02: set the first password or change it. Proof of identity is the current password, or a fresh SMS
 * code when the server asks for one (`step_up_required`) or the user does not remember the old password.
 */
export function PasswordSection({ settings, onSaved }: { settings: SecuritySettings; onSaved: () => void }) {
  const t = useT();
  const { refresh } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [code, setCode] = useState('');
  const [stepUp, setStepUp] = useState<'no' | 'offered' | CodeIssued>('no');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const codeSent = typeof stepUp === 'object';
  // A code instead of the current password: on the server's demand, or by choice when one is set.
  const showStepUpButton = !codeSent && (stepUp === 'offered' || settings.hasPassword);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await changePassword({
        newPassword: next,
        ...(codeSent ? { code } : settings.hasPassword ? { currentPassword: current } : {}),
      });
      setCurrent('');
      setNext('');
      setCode('');
      setStepUp('no');
      setSaved(true);
      onSaved();
      await refresh();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'step_up_required' && !codeSent)
        setStepUp('offered');
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function sendCode() {
    setError(null);
    try {
      setStepUp(await requestStepUpCode());
    } catch (failure) {
      setError(failure);
    }
  }

  const newErrors = fieldMessages(t, error, 'newPassword');
  const currentWrong = error instanceof ApiError && error.code === 'invalid_credentials' && !codeSent;
  const general = onlyFieldErrors(error, 'newPassword') || currentWrong ? null : error;

  return (
    <SettingsSection id="password" title={t.security.password.title}>
      <p className="muted" data-testid="password-status">
        {settings.hasPassword
          ? settings.passwordChangedAt
            ? t.security.password.changedAt(formatDateTime(t.locale, settings.passwordChangedAt))
            : ''
          : t.security.password.none}
      </p>
      <form className="settings-form" onSubmit={submit} noValidate>
        {settings.hasPassword && !codeSent && (
          <div>
            <PasswordInput
              id="current-password"
              label={t.security.password.current}
              value={current}
              onChange={setCurrent}
              autoComplete="current-password"
              invalid={currentWrong}
              describedBy={currentWrong ? 'current-password-error' : undefined}
              testId="current-password"
            />
            <FieldMessages
              id="current-password-error"
              messages={currentWrong ? [t.errors.invalidCurrentPassword] : []}
            />
          </div>
        )}
        <div>
          <PasswordInput
            id="new-password"
            label={t.security.password.next}
            value={next}
            onChange={setNext}
            autoComplete="new-password"
            invalid={newErrors.length > 0}
            describedBy={newErrors.length > 0 ? 'password-policy new-password-error' : 'password-policy'}
            testId="new-password"
          />
          <p id="password-policy" className="hint">
            {t.passwordPolicy}
          </p>
          <FieldMessages id="new-password-error" messages={newErrors} />
        </div>

        {stepUp === 'offered' && <p className="muted">{t.security.password.stepUpIntro}</p>}
        {codeSent && (
          <div className="field">
            <label htmlFor="step-up-code">{t.security.password.stepUpCode}</label>
            <p className="hint" role="status">
              {t.security.password.stepUpSent(unbreakable(stepUp.maskedPhone))}
            </p>
            <input
              id="step-up-code"
              className="code-input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={CODE_LENGTH}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, CODE_LENGTH))}
              data-testid="step-up-code"
            />
          </div>
        )}
        {showStepUpButton && (
          <button type="button" className="link-button" onClick={sendCode} data-testid="step-up-send">
            {t.security.password.stepUpSend}
          </button>
        )}

        <FormError error={general} />
        <p className="success-note" role="status">
          {saved && <span data-testid="password-saved">{t.security.password.saved}</span>}
        </p>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="save-password">
          {busy
            ? t.security.saving
            : settings.hasPassword
              ? t.security.password.submitChange
              : t.security.password.submitSet}
        </button>
      </form>
    </SettingsSection>
  );
}
