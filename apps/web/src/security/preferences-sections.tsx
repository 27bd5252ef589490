import { useState } from 'react';
import { Link } from 'react-router';
import { updateSecurity } from '../api/security-api';
import type { AutoLoginAccess, SecurityPatch, SecuritySettings } from '../api/security-types';
import { useT } from '../i18n/i18n-context';
import { FormError } from '../login/form-error';
import { SettingsSection } from './settings-section';

/** Saves one change at once and hands the server's answer back; keeps the error to show it in place. */
function usePatch(onSaved: (settings: SecuritySettings) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function patch(change: SecurityPatch): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateSecurity(change));
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, patch };
}

/** ACCESS-11: an SMS on every new login. */
export function LoginAlertsSection({
  settings,
  onSaved,
}: {
  settings: SecuritySettings;
  onSaved: (settings: SecuritySettings) => void;
}) {
  const t = useT();
  const { busy, error, patch } = usePatch(onSaved);
  return (
    <SettingsSection id="alerts" title={t.security.alerts.title}>
      <div className="checkbox-field">
        <input
          id="login-alerts"
          type="checkbox"
          role="switch"
          checked={settings.loginAlerts}
          aria-checked={settings.loginAlerts}
          disabled={busy}
          onChange={(event) => patch({ loginAlerts: event.target.checked })}
          aria-describedby="login-alerts-hint"
          data-testid="login-alerts-toggle"
        />
        <label htmlFor="login-alerts">{t.security.alerts.label}</label>
        <p id="login-alerts-hint" className="hint">
          {t.security.alerts.hint}
        </p>
      </div>
      {/* NOTIF-01: one setting, two screens (decision 0019); the rest of the events are chosen there. */}
      <p className="hint">
        {t.notifications.loginAlertsShared}{' '}
        <Link to="/settings/notifications" data-testid="notification-settings-link">
          {t.notifications.settingsLink}
        </Link>
      </p>
      <FormError error={error} />
    </SettingsSection>
  );
}

const LEVELS: AutoLoginAccess[] = ['full', 'partial', 'off'];

/** ACCESS-08/09: what an automatic login on the operator's network may do. */
export function AutoLoginSection({
  settings,
  onSaved,
}: {
  settings: SecuritySettings;
  onSaved: (settings: SecuritySettings) => void;
}) {
  const t = useT();
  const { busy, error, patch } = usePatch(onSaved);
  const hints: Record<AutoLoginAccess, string> = {
    full: t.security.autoLogin.fullHint,
    partial: t.security.autoLogin.partialHint,
    off: t.security.autoLogin.offHint,
  };
  return (
    <SettingsSection id="auto-login" title={t.security.autoLogin.title}>
      <p className="muted">{t.security.autoLogin.intro}</p>
      <fieldset className="radio-group" disabled={busy}>
        <legend className="visually-hidden">{t.security.autoLogin.title}</legend>
        {LEVELS.map((level) => (
          <div className="radio-option" key={level}>
            <input
              id={`auto-login-${level}`}
              type="radio"
              name="auto-login"
              value={level}
              checked={settings.autoLoginAccess === level}
              onChange={() => patch({ autoLoginAccess: level })}
              aria-describedby={`auto-login-${level}-hint`}
              data-testid={`auto-login-${level}`}
            />
            <label htmlFor={`auto-login-${level}`}>{t.security.autoLogin[level]}</label>
            <p id={`auto-login-${level}-hint`} className="hint">
              {hints[level]}
            </p>
          </div>
        ))}
      </fieldset>
      <FormError error={error} />
    </SettingsSection>
  );
}
