import { useState } from 'react';
import { ApiError } from '../api/api-client';
import { formatMoney } from '../format/money';
import { errorMessage } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';
import { generatePhoneUsage, type UsageKind } from './phone-api';

const KINDS: UsageKind[] = ['call', 'sms', 'data'];

/**
 * DEMO-02: buttons that make the phone use the network — rated by the real rating engine (`ingestUsage`), so the
 * balance, packages and history in the cabinet move. A failure of the engine is shown as it is.
 */
export function UsageButtons({ msisdn }: { msisdn: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function use(kind: UsageKind) {
    setBusy(true);
    setResult(null);
    const what = t.phone.usage[kind];
    try {
      const usage = await generatePhoneUsage(msisdn, kind);
      setResult({
        ok: true,
        text: usage.cost
          ? t.phone.usageDone(what, formatMoney(t.locale, usage.cost))
          : t.phone.usageFree(what),
      });
    } catch (failure) {
      // The rating engine's own words (503 rating_failed, 409 usage_rejected) say what is wrong with it.
      const engine =
        failure instanceof ApiError && ['rating_failed', 'usage_rejected'].includes(failure.code)
          ? (failure.problem.detail ?? failure.code)
          : errorMessage(t, failure);
      setResult({ ok: false, text: `${t.phone.usageFailed}${engine}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="vp-usage">
      <p className="vp-note">{t.phone.usageIntro}</p>
      <div className="vp-speed-dial">
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button-secondary"
            onClick={() => use(kind)}
            disabled={busy}
            data-testid={`vp-usage-${kind}`}
          >
            {t.phone.usage[kind]}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {result && (
          <p
            className={result.ok ? 'vp-note' : 'vp-note vp-error'}
            role={result.ok ? 'status' : 'alert'}
            data-testid="vp-usage-result"
          >
            {result.text}
          </p>
        )}
      </div>
    </div>
  );
}
