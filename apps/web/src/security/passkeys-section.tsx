import { type FormEvent, useCallback, useState } from 'react';
import { addPasskey, deletePasskey, listPasskeys, passkeyRegistrationOptions } from '../api/security-api';
import { formatDateTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { FormError } from '../login/form-error';
import { isCancelled, register, webAuthnSupported } from '../passkeys/webauthn';
import { SettingsSection } from './settings-section';

/** ACCESS-06/11: the passkeys of this login; add one with the device's authenticator, delete one. */
export function PasskeysSection() {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => listPasskeys(signal), []);
  const { state, reload } = useResource(load);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const supported = webAuthnSupported();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const response = await register(await passkeyRegistrationOptions());
      await addPasskey({ response, ...(name.trim() ? { name: name.trim() } : {}) });
      setName('');
      setNote(t.passkeys.added);
      reload();
    } catch (failure) {
      if (isCancelled(failure)) setNote(t.passkeys.addCancelled);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    setError(null);
    setNote(null);
    try {
      await deletePasskey(id);
      reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <SettingsSection id="passkeys" title={t.passkeys.title}>
      <p className="muted">{supported ? t.passkeys.intro : t.passkeys.unsupported}</p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.data.length === 0 ? (
          <p className="muted">{t.passkeys.none}</p>
        ) : (
          <ul className="settings-list">
            {state.data.map((passkey) => (
              <li key={passkey.id} className="settings-row" data-testid="passkey-row">
                <div className="settings-row-main">
                  <p className="settings-row-title">{passkey.name}</p>
                  <p className="hint">
                    {t.passkeys.created(formatDateTime(t.locale, passkey.createdAt))} ·{' '}
                    {passkey.lastUsedAt
                      ? t.passkeys.lastUsed(formatDateTime(t.locale, passkey.lastUsedAt))
                      : t.passkeys.neverUsed}
                  </p>
                </div>
                <button
                  type="button"
                  className="button button-ghost"
                  onClick={() => remove(passkey.id)}
                  aria-label={t.passkeys.removeLabel(passkey.name)}
                  data-testid="passkey-delete"
                >
                  {t.passkeys.remove}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {supported && (
        <form className="settings-form" onSubmit={add} noValidate>
          <div className="field">
            <label htmlFor="passkey-name">{t.passkeys.nameLabel}</label>
            <input
              id="passkey-name"
              type="text"
              maxLength={64}
              placeholder={t.passkeys.namePlaceholder}
              value={name}
              onChange={(event) => setName(event.target.value)}
              data-testid="passkey-name"
            />
          </div>
          <FormError error={error} />
          <p className="success-note" role="status">
            {note ?? ''}
          </p>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="add-passkey">
            {busy ? t.passkeys.adding : t.passkeys.add}
          </button>
        </form>
      )}
    </SettingsSection>
  );
}
