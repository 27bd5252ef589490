import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { FormError } from '../login/form-error';
import { SettingsSection } from '../security/settings-section';
import { EmailSection } from './email-section';
import { getNotificationPreferences, saveNotificationPreferences } from './notifications-api';
import type { PreferenceChannel } from './notifications-types';
import './notifications.css';

const CHANNELS: PreferenceChannel[] = ['inApp', 'sms', 'email'];

/** /settings/notifications (NOTIF-01): which event through which channel, the language, the email address. */
export default function NotificationSettingsPage({ me }: { me: Me }) {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => getNotificationPreferences(signal), []);
  const { state, reload, set } = useResource(load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useSessionGuard(state.status === 'error' ? state.error : null);
  const canChange = me.session.access === 'full';

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const prefs = state.data;

  async function save(change: Parameters<typeof saveNotificationPreferences>[0]) {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      set(await saveNotificationPreferences(change));
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const emailReady = prefs.email?.confirmed === true;
  return (
    <div className="settings-page notification-settings" data-testid="notification-settings-page">
      <h1>{t.notifications.settingsTitle}</h1>
      <p className="hint">{t.notifications.settingsIntro}</p>
      <p>
        <Link to="/notifications">{t.notifications.title}</Link>
      </p>
      {!canChange && <p className="card">{t.notifications.partial}</p>}
      <SettingsSection id="events" title={t.notifications.title}>
        <div className="notification-matrix-wrap">
          <table className="notification-matrix">
            <thead>
              <tr>
                <th scope="col">{t.notifications.event}</th>
                {CHANNELS.map((channel) => (
                  <th scope="col" key={channel}>
                    {t.notifications.channels[channel]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {prefs.events.map((row) => (
                <tr key={row.event} data-testid={`pref-${row.event}`}>
                  <th scope="row">{t.notifications.events[row.event]}</th>
                  {CHANNELS.map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        checked={row[channel]}
                        disabled={busy || !canChange || (channel === 'email' && !emailReady && !row.email)}
                        aria-label={t.notifications.toggle(
                          t.notifications.events[row.event],
                          t.notifications.channels[channel],
                        )}
                        onChange={(event) =>
                          save({ events: [{ event: row.event, [channel]: event.target.checked }] })
                        }
                        data-testid={`pref-${row.event}-${channel}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!emailReady && <p className="hint">{t.notifications.emailNeeded}</p>}
        <div className="form-error-region" aria-live="polite">
          {saved && (
            <p className="success-note" data-testid="prefs-saved">
              {t.notifications.saved}
            </p>
          )}
        </div>
        <FormError error={error} />
      </SettingsSection>
      <SettingsSection id="language" title={t.notifications.languageTitle}>
        <div className="field">
          <label htmlFor="notify-language">{t.notifications.languageLabel}</label>
          <select
            id="notify-language"
            value={prefs.language}
            disabled={busy || !canChange}
            onChange={(event) => save({ language: event.target.value === 'en' ? 'en' : 'ru' })}
            data-testid="notify-language"
          >
            <option value="ru">{t.notifications.languages.ru}</option>
            <option value="en">{t.notifications.languages.en}</option>
          </select>
        </div>
      </SettingsSection>
      <EmailSection prefs={prefs} canChange={canChange} onChanged={reload} />
    </div>
  );
}
