import { useState } from 'react';
import { connectOption, disconnectOption } from '../api/services-api';
import { ActionError } from '../catalog/action-error';
import { periodicFee, price } from '../catalog/amounts';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { PackageChips } from '../catalog/package-chips';
import type { Worded } from '../catalog/worded';
import { useLang } from '../i18n/i18n-context';
import type { ListedOption } from './option-filter';

/**
 * SVC-02: confirm connecting (the connection fee charged now and the periodic fee after) or disconnecting.
 * One idempotency key per opened dialog, reused by every retry inside it.
 */
export function OptionDialog({
  lineId,
  option,
  onDone,
  onClose,
}: {
  lineId: string;
  option: ListedOption;
  onDone: (message: Worded) => void;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const s = t.services;
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = option.name[lang];
  const disconnecting = option.isConnected;
  const periodic = periodicFee(t, option.fee, option.feePeriod);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      if (disconnecting) {
        await disconnectOption(lineId, option.id, key);
        onDone((t, lang) => t.services.disconnectedDone(option.name[lang]));
      } else {
        await connectOption(lineId, option.id, key);
        onDone((t, lang) => t.services.connectedDone(option.name[lang]));
      }
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={disconnecting ? s.disconnectTitle(name) : s.connectTitle(name)}
      confirmLabel={disconnecting ? s.disconnect : s.connect}
      busyLabel={s.working}
      busy={busy}
      onConfirm={confirm}
      onClose={onClose}
      testId="option-dialog"
    >
      <p className="muted">{option.description[lang]}</p>
      {disconnecting ? (
        <p>{s.disconnectNote}</p>
      ) : (
        <>
          <PackageChips packages={option.packages} />
          <dl className="fee-list">
            <div>
              <dt>{s.connectFeeLine}</dt>
              <dd data-testid="dialog-connect-fee" data-kopecks={option.connectFee}>
                {option.connectFee > 0 ? price(t, option.connectFee) : t.actionsCommon.free}
              </dd>
            </div>
            <div>
              <dt>{s.periodicLine}</dt>
              <dd data-testid="dialog-periodic-fee">
                {periodic ?? s.noPeriodicFee}
                {periodic && <span className="hint"> {s.periodicHint}</span>}
              </dd>
            </div>
            <div className="fee-total">
              <dt>{s.chargeNow}</dt>
              <dd>{price(t, option.connectFee)}</dd>
            </div>
          </dl>
        </>
      )}
      <ActionError error={error} />
    </ConfirmDialog>
  );
}
