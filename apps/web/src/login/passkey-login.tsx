import { useState } from 'react';
import { passkeyLogin, passkeyLoginOptions } from '../api/access-api';
import { useAuth } from '../auth/auth-context';
import { useT } from '../i18n/i18n-context';
import { authenticate, isCancelled, webAuthnSupported } from '../passkeys/webauthn';
import { FormError } from './form-error';
import { PublicComputerField } from './public-computer-field';

/** ACCESS-06: one button; the browser asks for the fingerprint, face or device PIN. */
export function PasskeyLogin({
  publicComputer,
  onPublicComputerChange,
}: {
  publicComputer: boolean;
  onPublicComputerChange: (value: boolean) => void;
}) {
  const t = useT();
  const { signedIn } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  const supported = webAuthnSupported();

  async function start() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setCancelled(false);
    try {
      const response = await authenticate(await passkeyLoginOptions());
      signedIn(await passkeyLogin({ response, rememberDevice: !publicComputer }));
    } catch (failure) {
      if (isCancelled(failure)) setCancelled(true);
      else setError(failure);
      setBusy(false);
    }
  }

  return (
    <div className="login-form">
      <p className="muted">{supported ? t.passkeys.loginIntro : t.passkeys.unsupported}</p>
      <PublicComputerField
        id="login-passkey-public"
        checked={publicComputer}
        onChange={onPublicComputerChange}
      />
      <div>
        <FormError error={error} />
        {cancelled && (
          <p className="form-error" role="alert" data-testid="login-error">
            {t.passkeys.cancelled}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button button-primary button-block"
        onClick={start}
        disabled={busy || !supported}
        data-testid="passkey-login"
      >
        <KeyIcon />
        {busy ? t.passkeys.busy : t.passkeys.loginButton}
      </button>
    </div>
  );
}

function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="8" cy="12" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 12h9m-3 0v3m-3-3v2" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
