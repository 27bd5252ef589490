import { useState } from 'react';
import { Link } from 'react-router';
import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';

const DISMISSED_KEY = 'kabinet.passwordOfferDismissed';

function readDismissed(): string | null {
  try {
    return sessionStorage.getItem(DISMISSED_KEY);
  } catch {
    return null;
  }
}

/**
 * ACCESS-02: after a code login of a login without a password, offer (never force) a permanent one.
 * "Not now" holds for this session only.
 */
export function PasswordOffer({ me }: { me: Me }) {
  const t = useT();
  const sessionId = me.session.id;
  const [dismissed, setDismissed] = useState(readDismissed);
  const offered =
    me.session.method === 'sms_code' && me.login.hasPassword === false && me.session.access === 'full';
  if (!offered || dismissed === sessionId) return null;

  function dismiss() {
    setDismissed(sessionId);
    try {
      sessionStorage.setItem(DISMISSED_KEY, sessionId);
    } catch {
      // Not remembering means the offer may show again after a reload; acceptable.
    }
  }

  return (
    <section className="card offer" aria-labelledby="password-offer-title" data-testid="set-password-offer">
      <div>
        <h2 id="password-offer-title" className="offer-title">
          {t.passwordOffer.title}
        </h2>
        <p className="muted">{t.passwordOffer.text}</p>
      </div>
      <div className="offer-actions">
        <Link
          to="/settings/security#password"
          className="button button-primary"
          data-testid="set-password-offer-go"
        >
          {t.passwordOffer.action}
        </Link>
        <button
          type="button"
          className="button button-ghost"
          onClick={dismiss}
          data-testid="set-password-offer-dismiss"
        >
          {t.passwordOffer.dismiss}
        </button>
      </div>
    </section>
  );
}
