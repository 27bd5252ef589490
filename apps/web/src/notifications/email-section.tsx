import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { FormError } from '../login/form-error';
import { SettingsSection } from '../security/settings-section';
import { confirmNotificationEmail, removeNotificationEmail, setNotificationEmail } from './notifications-api';
import type { NotificationPreferences } from './notifications-types';

/** NOTIF-01: the address for the email channel — give it, get a code there, type the code back. */
export function EmailSection({
  prefs,
  canChange,
  onChanged,
}: {
  prefs: NotificationPreferences;
  canChange: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [editing, setEditing] = useState(prefs.email === null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const answer = await setNotificationEmail(address);
      setSentTo(answer.address);
      setEditing(false);
      onChanged();
    });
  };
  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      await confirmNotificationEmail(code);
      setCode('');
      setSentTo(null);
      onChanged();
    });
  };
  const remove = () =>
    run(async () => {
      await removeNotificationEmail();
      setEditing(true);
      onChanged();
    });

  const current = prefs.email;
  return (
    <SettingsSection id="notify-email" title={t.notifications.emailTitle}>
      {current && (
        <p data-testid="notify-email-state">
          {current.confirmed
            ? t.notifications.emailConfirmed(current.address)
            : t.notifications.emailUnconfirmed(current.address)}
        </p>
      )}
      {sentTo && (
        <p className="success-note" role="status">
          {t.notifications.emailSent(sentTo)}
        </p>
      )}
      {canChange && editing && (
        <form className="inline-form" onSubmit={send}>
          <div className="field">
            <label htmlFor="notify-email">{t.notifications.emailLabel}</label>
            <input
              id="notify-email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              data-testid="notify-email-input"
            />
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="notify-email-send"
          >
            {t.notifications.emailSend}
          </button>
        </form>
      )}
      {canChange && current && !current.confirmed && (
        <form className="inline-form" onSubmit={confirm}>
          <div className="field">
            <label htmlFor="notify-email-code">{t.notifications.codeLabel}</label>
            <input
              id="notify-email-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              data-testid="notify-email-code"
            />
          </div>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="notify-email-confirm"
          >
            {t.notifications.confirm}
          </button>
        </form>
      )}
      {canChange && current && !editing && (
        <div className="button-row">
          <button
            type="button"
            className="button button-ghost"
            onClick={() => setEditing(true)}
            disabled={busy}
          >
            {t.notifications.changeEmail}
          </button>
          <button type="button" className="button button-ghost" onClick={remove} disabled={busy}>
            {t.notifications.removeEmail}
          </button>
        </div>
      )}
      <FormError error={error} />
    </SettingsSection>
  );
}
