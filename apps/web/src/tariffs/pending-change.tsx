import { useState } from 'react';
import type { CurrentTariff } from '../api/catalog-types';
import { cancelPendingChange } from '../api/plans-api';
import { ActionError } from '../catalog/action-error';
import { formatDate } from '../format/dates';
import { useLang } from '../i18n/i18n-context';

type Pending = NonNullable<CurrentTariff['pendingChange']>;

/** A change planned for the next period, with "Отменить". */
export function PendingChange({
  lineId,
  pending,
  canChange,
  onCancelled,
}: {
  lineId: string;
  pending: Pending;
  canChange: boolean;
  onCancelled: () => void;
}) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      await cancelPendingChange(lineId);
      onCancelled();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pending-change" data-testid="pending-change">
      <div>
        <p className="state-title">{t.tariffs.pendingTitle}</p>
        <p>{t.tariffs.pending(pending.tariff.name[lang], formatDate(t.locale, pending.at))}</p>
      </div>
      {canChange && (
        <button
          type="button"
          className="button button-ghost"
          onClick={cancel}
          disabled={busy}
          data-testid="cancel-pending"
        >
          {busy ? t.tariffs.cancelling : t.tariffs.cancelPending}
        </button>
      )}
      <ActionError error={error} />
    </div>
  );
}
