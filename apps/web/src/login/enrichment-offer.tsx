import { useEffect, useState } from 'react';
import { enrichmentLogin, getEnrichment } from '../api/access-api';
import type { EnrichmentOffer as Offer } from '../api/access-types';
import { useAuth } from '../auth/auth-context';
import { unbreakable } from '../format/phone';
import { useT } from '../i18n/i18n-context';
import { FormError } from './form-error';

/**
 * ACCESS-08: on the operator's own network the gateway names the caller's number; we offer to log in as that
 * number (masked) with one tap. Nothing shows when the visit does not come through a trusted gateway.
 */
export function EnrichmentOffer({ rememberDevice }: { rememberDevice: boolean }) {
  const t = useT();
  const { signedIn } = useAuth();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    // Missing endpoint or any failure: simply no offer.
    getEnrichment(controller.signal).then(setOffer, () => setOffer(null));
    return () => controller.abort();
  }, []);

  if (!offer?.available || !offer.maskedPhone) return null;

  async function login() {
    setBusy(true);
    setError(null);
    try {
      signedIn(await enrichmentLogin(rememberDevice));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <div className="enrichment-offer" data-testid="enrichment-offer">
      <p className="enrichment-title">{t.enrichment.title}</p>
      <button
        type="button"
        className="button button-secondary button-block"
        onClick={login}
        disabled={busy}
        data-testid="enrichment-login"
      >
        {busy ? t.enrichment.busy : t.enrichment.loginAs(unbreakable(offer.maskedPhone))}
      </button>
      <p className="hint">{t.enrichment.hint}</p>
      <FormError error={error} />
    </div>
  );
}
