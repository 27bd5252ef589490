import { useState } from 'react';
import type { ChangeResult, ChangeWhen, Choice, CurrentTariff, TariffOffer } from '../api/catalog-types';
import { changeTariff } from '../api/plans-api';
import { ActionError } from '../catalog/action-error';
import { price } from '../catalog/amounts';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { formatDate } from '../format/dates';
import { useLang } from '../i18n/i18n-context';
import { PackageChanges } from './package-changes';

/**
 * PLAN-03/05: the confirmation — now or from the next period, and every fee it brings. The idempotency key
 * is made when the dialog opens and kept for every retry, so a double click or a retry after a lost answer
 * charges once; choosing the other moment is another intent and gets a new key. With `choice` it sets the
 * amounts of a configurable tariff (`offer.fee` is then the choice's price); `reconfigure` means the line's own
 * tariff gets new amounts: no transition fee, and now costs the rise of the monthly fee, as the server charges.
 */
export function TariffChangeDialog({
  lineId,
  offer,
  current,
  choice,
  reconfigure = false,
  onDone,
  onClose,
}: {
  lineId: string;
  offer: TariffOffer;
  current: CurrentTariff;
  choice?: Choice;
  reconfigure?: boolean;
  onDone: (result: ChangeResult, when: ChangeWhen) => void;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const tt = t.tariffs;
  const tools = t.tariffTools;
  const [when, setWhen] = useState<ChangeWhen>('now');
  const [keys] = useState(() => ({ now: newIdempotencyKey(), next_period: newIdempotencyKey() }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nextAt = current.nextFeeAt;
  const name = offer.name[lang];
  const rise = Math.max(0, offer.fee - current.fee);
  // Re-configuring from the next period costs nothing now or then: the new fee simply applies from there.
  const oneOff = reconfigure ? (when === 'now' ? rise : 0) : offer.transitionFee;
  const chargedNow = when === 'now' ? oneOff : 0;
  // The first periodic fee on the new tariff falls at the next fee date either way: its price then, which a
  // catalog price change may have moved from today's.
  const newFee = offer.feeAtNextPeriod;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const body = { tariffId: offer.id, when, ...(choice ? { choice } : {}) };
      const result = await changeTariff(lineId, body, keys[when]);
      onDone(result, when);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={reconfigure ? tools.reconfigureTitle(name) : tt.dialogTitle(name)}
      confirmLabel={reconfigure ? tools.reconfigureConfirm : tt.confirm}
      busyLabel={tt.working}
      busy={busy}
      onConfirm={confirm}
      onClose={onClose}
      testId="tariff-change-dialog"
    >
      <fieldset className="choice-group">
        <legend>{tt.when}</legend>
        <label className="choice">
          <input
            type="radio"
            name="when"
            value="now"
            checked={when === 'now'}
            onChange={() => setWhen('now')}
            data-testid="when-now"
          />
          <span>
            <span className="choice-title">{tt.now}</span>
            <span className="hint">{reconfigure ? tools.reconfigureNowHint : tt.nowHint}</span>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="when"
            value="next_period"
            checked={when === 'next_period'}
            onChange={() => setWhen('next_period')}
            data-testid="when-next-period"
          />
          <span>
            <span className="choice-title">
              {nextAt ? tt.nextPeriod(formatDate(t.locale, nextAt)) : tt.nextPeriodNoDate}
            </span>
            <span className="hint">{reconfigure ? tools.reconfigureNextHint : tt.nextPeriodHint}</span>
          </span>
        </label>
      </fieldset>

      {offer.changes.length > 0 && (
        <div>
          <h3 className="section-title">{tt.whatChanges}</h3>
          <PackageChanges changes={offer.changes} />
        </div>
      )}

      {offer.disconnectsOptions && offer.disconnectsOptions.length > 0 && (
        <p className="incompatible" data-testid="disconnects-options">
          {tt.disconnectsOptions(offer.disconnectsOptions.map((o) => `«${o.name[lang]}»`).join(', '))}
        </p>
      )}

      <div>
        <h3 className="section-title">{tt.fees}</h3>
        <dl className="fee-list">
          <div>
            <dt>{reconfigure ? tools.riseLine : tt.transitionLine}</dt>
            <dd data-testid="one-off-fee" data-kopecks={oneOff}>
              {oneOff > 0 ? price(t, oneOff) : t.actionsCommon.free}
              {reconfigure && oneOff > 0 && <span className="hint"> {tools.riseHint}</span>}
              {!reconfigure && when === 'next_period' && oneOff > 0 && (
                <span className="hint"> {tt.transitionLater}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{tt.feeLine}</dt>
            <dd data-testid="new-fee" data-kopecks={newFee}>
              {t.dashboard.fee[offer.feePeriod](price(t, newFee))}
              {nextAt && <span className="hint"> {tt.feeFrom(formatDate(t.locale, nextAt))}</span>}
            </dd>
          </div>
          <div className="fee-total">
            <dt>{tt.chargeNow}</dt>
            <dd data-testid="charge-now" data-kopecks={chargedNow}>
              {price(t, chargedNow)}
            </dd>
          </div>
        </dl>
      </div>

      {current.pendingChange && (
        <p className="hint">{tt.replacesPending(current.pendingChange.tariff.name[lang])}</p>
      )}
      <ActionError error={error} />
    </ConfirmDialog>
  );
}
