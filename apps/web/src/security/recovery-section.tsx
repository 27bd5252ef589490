import { type FormEvent, useState } from 'react';
import { updateSecurity } from '../api/security-api';
import type { SecuritySettings } from '../api/security-types';
import { FieldMessages } from '../forms/field-messages';
import { fieldMessages, onlyFieldErrors } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';
import { FormError } from '../login/form-error';
import { SettingsSection } from './settings-section';

/** ACCESS-11: recovery email and extra phone; an empty field removes the contact. */
export function RecoverySection({
  settings,
  onSaved,
}: {
  settings: SecuritySettings;
  onSaved: (settings: SecuritySettings) => void;
}) {
  const t = useT();
  const [email, setEmail] = useState(settings.recoveryEmail ?? '');
  const [phone, setPhone] = useState(settings.recoveryPhone ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await updateSecurity({
        recoveryEmail: email.trim() || null,
        recoveryPhone: phone.trim() || null,
      });
      setEmail(next.recoveryEmail ?? '');
      setPhone(next.recoveryPhone ?? '');
      setSaved(true);
      onSaved(next);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const emailErrors = fieldMessages(t, error, 'recoveryEmail');
  const phoneErrors = fieldMessages(t, error, 'recoveryPhone');
  return (
    <SettingsSection id="recovery" title={t.security.recovery.title}>
      <p className="muted">{t.security.recovery.intro}</p>
      <form className="settings-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="recovery-email">{t.security.recovery.email}</label>
          <input
            id="recovery-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={emailErrors.length > 0}
            aria-describedby={emailErrors.length > 0 ? 'recovery-email-error' : undefined}
            data-testid="recovery-email"
          />
          <FieldMessages id="recovery-email-error" messages={emailErrors} />
        </div>
        <div className="field">
          <label htmlFor="recovery-phone">{t.security.recovery.phone}</label>
          <input
            id="recovery-phone"
            type="tel"
            autoComplete="tel"
            placeholder={t.login.phonePlaceholder}
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            aria-invalid={phoneErrors.length > 0}
            aria-describedby={phoneErrors.length > 0 ? 'recovery-phone-error' : undefined}
            data-testid="recovery-phone"
          />
          <FieldMessages id="recovery-phone-error" messages={phoneErrors} />
        </div>
        <FormError error={onlyFieldErrors(error, 'recoveryEmail', 'recoveryPhone') ? null : error} />
        <p className="success-note" role="status">
          {saved ? t.security.saved : ''}
        </p>
        <button type="submit" className="button button-secondary" disabled={busy} data-testid="save-recovery">
          {busy ? t.security.saving : t.security.save}
        </button>
      </form>
    </SettingsSection>
  );
}
