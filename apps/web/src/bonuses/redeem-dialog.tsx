import { useId, useState } from 'react';
import { type Redemption, type Reward, redeemReward } from '../api/bonus-api';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import { newIdempotencyKey } from '../catalog/idempotency-key';
import { formatMsisdn } from '../format/phone';
import { useLang } from '../i18n/i18n-context';
import { bonusErrorMessage } from './bonus-error';
import { rewardGives } from './reward-text';

/**
 * BONUS-02: confirm exchanging points for a reward, for this number or another one of ours. One idempotency
 * key per opened dialog, reused by every retry inside it; the points are spent once.
 */
export function RedeemDialog({
  lineId,
  lineNumber,
  reward,
  balance,
  onDone,
  onClose,
}: {
  lineId: string;
  lineNumber: string | null;
  reward: Reward;
  balance: number;
  onDone: (redemption: Redemption) => void;
  onClose: () => void;
}) {
  const { t, lang } = useLang();
  const b = t.bonuses;
  const [key] = useState(newIdempotencyKey);
  const [forAnother, setForAnother] = useState(false);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const phoneId = useId();
  const hintId = useId();
  // A coupon is shown to whoever takes it; only packages and credits go to a number.
  const canGift = reward.kind !== 'coupon';

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const input = forAnother && canGift ? { reward: reward.code, phone } : { reward: reward.code };
      onDone(await redeemReward(lineId, input, key));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      title={b.dialogTitle(reward.name[lang])}
      confirmLabel={b.confirm}
      busyLabel={b.working}
      busy={busy}
      confirmDisabled={forAnother && canGift && phone.trim() === ''}
      onConfirm={confirm}
      onClose={onClose}
      testId="redeem-dialog"
    >
      <p>{rewardGives(t, reward)}</p>
      {canGift && (
        <fieldset className="choice-row">
          <legend className="field-legend">{b.forWhom}</legend>
          <label className="radio-chip">
            <input
              type="radio"
              name="redeem-for"
              checked={!forAnother}
              onChange={() => setForAnother(false)}
              data-testid="redeem-for-self"
            />
            {b.forThisLine(lineNumber ? formatMsisdn(lineNumber) : '')}
          </label>
          <label className="radio-chip">
            <input
              type="radio"
              name="redeem-for"
              checked={forAnother}
              onChange={() => setForAnother(true)}
              data-testid="redeem-for-other"
            />
            {b.forAnother}
          </label>
        </fieldset>
      )}
      {canGift && forAnother && (
        <div className="field">
          <label htmlFor={phoneId}>{b.otherPhone}</label>
          <input
            id={phoneId}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            aria-describedby={hintId}
            onChange={(event) => setPhone(event.target.value)}
            data-testid="redeem-phone"
          />
          <p id={hintId} className="hint">
            {b.otherPhoneHint}
          </p>
        </div>
      )}
      <dl className="fee-list">
        <div>
          <dt>{b.willSpend}</dt>
          <dd data-testid="redeem-cost">{b.points(reward.cost)}</dd>
        </div>
        <div className="fee-total">
          <dt>{b.willRemain}</dt>
          <dd>{b.points(Math.max(0, balance - reward.cost))}</dd>
        </div>
      </dl>
      <div className="form-error-region" aria-live="assertive" aria-atomic="true">
        {error !== null && (
          <p className="action-error" data-testid="action-error">
            {bonusErrorMessage(t, error)}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
