import { type FormEvent, useState } from 'react';
import { startPhoneConfirm } from '../api/access-api';
import type { PhoneConfirmStarted } from '../api/access-types';
import type { Me } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { toE164, unbreakable } from '../format/phone';
import { useT } from '../i18n/i18n-context';
import { useCountdown } from '../lib/use-countdown';
import { useLoginFlow } from './login-flow';
import { PhoneField } from './phone-field';
import { PublicComputerField } from './public-computer-field';
import { usePhoneConfirm } from './use-phone-confirm';

type Request = PhoneConfirmStarted & { deadline: number; rememberDevice: boolean };

/**
 * ACCESS-07: the number, then "reply 1 on your phone" with a 20-second countdown while we ask the server
 * every second. The session cookie is set by the poll that sees the confirmation.
 * The "someone else's computer" choice travels with the polls: the session opens on the poll that sees
 * the confirmation.
 */
export function PhoneConfirmLogin({
  publicComputer,
  onPublicComputerChange,
}: {
  publicComputer: boolean;
  onPublicComputerChange: (value: boolean) => void;
}) {
  const t = useT();
  const { signedIn, refresh } = useAuth();
  const { phone, setPhone, setPrompted } = useLoginFlow();
  const [request, setRequest] = useState<Request | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const secondsLeft = useCountdown(request?.deadline ?? null);

  const outcome = usePhoneConfirm(request, (me: Me | undefined) => {
    setPrompted(null);
    if (me) signedIn(me);
    else void refresh();
  });

  async function start(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const started = await startPhoneConfirm(phone.trim());
      setPrompted(toE164(phone));
      setRequest({
        ...started,
        deadline: Date.now() + started.expiresInSeconds * 1000,
        rememberDevice: !publicComputer,
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    setRequest(null);
    setPrompted(null);
  }

  if (request) {
    const finished = outcome !== 'pending';
    return (
      <div className="login-form" data-testid="phone-confirm-waiting">
        <p className="muted">{t.phoneConfirm.waiting(unbreakable(request.maskedPhone))}</p>
        {!finished && (
          <div className="confirm-countdown" aria-live="polite" aria-atomic="true">
            <span className="spinner" aria-hidden="true" />
            <span data-testid="confirm-countdown">{t.phoneConfirm.secondsLeft(secondsLeft)}</span>
          </div>
        )}
        {finished && (
          <p className="form-error" role="alert" data-testid="login-error">
            {outcome === 'declined' ? t.phoneConfirm.declined : t.phoneConfirm.expired}
          </p>
        )}
        <div className="login-links">
          {finished && (
            <button type="button" className="link-button" onClick={() => start()} data-testid="confirm-again">
              {t.phoneConfirm.again}
            </button>
          )}
          <button type="button" className="link-button" onClick={cancel}>
            {finished ? t.login.changeNumber : t.phoneConfirm.cancel}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="login-form" onSubmit={start} noValidate aria-labelledby="login-title">
      <p className="muted">{t.phoneConfirm.intro}</p>
      <PhoneField
        id="confirm-phone"
        value={phone}
        onChange={setPhone}
        error={error}
        testId="confirm-phone-input"
      />
      <PublicComputerField
        id="login-confirm-public"
        checked={publicComputer}
        onChange={onPublicComputerChange}
      />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={busy}
        data-testid="confirm-send"
      >
        {busy ? t.phoneConfirm.sending : t.phoneConfirm.send}
      </button>
    </form>
  );
}
