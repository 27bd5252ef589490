import { useState } from 'react';
import { Link } from 'react-router';
import { blockSim } from '../api/sim-api';
import type { BlockReason, SimState } from '../api/sim-types';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import type { Worded } from '../catalog/worded';
import { formatDateTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';
import { SimError, SimReadOnly } from './sim-error';
import { UnblockForm } from './unblock-form';

const REASONS: BlockReason[] = ['lost', 'stolen'];

/**
 * SVC-09: a lost or stolen SIM blocked at once, the balance kept; unblocked by a code to another contact when
 * the operator allows it and there is one, otherwise in an office.
 */
export function LostSimSection({
  lineId,
  sim,
  canChange,
  onDone,
}: {
  lineId: string;
  sim: SimState;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const l = t.sim.lost;
  const [reason, setReason] = useState<BlockReason>('lost');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const blocked = sim.status === 'blocked';

  async function block() {
    setBusy(true);
    setError(null);
    try {
      await blockSim(lineId, reason);
      setConfirming(false);
      onDone((t) => t.sim.lost.blockedDone);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className={blocked ? 'card settings-block lost-sim is-blocked' : 'card settings-block lost-sim'}
      aria-labelledby="lost-sim-title"
      data-testid="lost-sim"
    >
      <h2 id="lost-sim-title">{l.title}</h2>
      {blocked ? (
        <div className="sim-blocked" data-testid="sim-blocked" data-reason={sim.blockReason ?? ''}>
          <p className="setting-name">
            {sim.blockReason
              ? sim.blockedAt
                ? l.blocked(l.reasons[sim.blockReason].toLowerCase(), formatDateTime(t.locale, sim.blockedAt))
                : l.blockedNoDate(l.reasons[sim.blockReason].toLowerCase())
              : l.blockedOther}
          </p>
          {canChange && sim.unblock === 'self_service' && sim.unblockContact ? (
            <UnblockForm lineId={lineId} contact={sim.unblockContact} onDone={onDone} />
          ) : (
            <>
              {canChange && sim.unblock === 'self_service' && (
                <p className="hint" data-testid="unblock-no-contact">
                  {t.simUnblock.noContact} <Link to="/settings/security">{t.simUnblock.securityLink}</Link>
                </p>
              )}
              <p className="hint" data-testid="unblock-office">
                {l.unblockOffice}
              </p>
            </>
          )}
        </div>
      ) : (
        <>
          <p className="muted">{l.hint}</p>
          {canChange ? (
            <>
              <fieldset className="choice-row">
                <legend className="field-legend">{l.reason}</legend>
                {REASONS.map((value) => (
                  <label key={value} className="radio-chip">
                    <input
                      type="radio"
                      name="block-reason"
                      value={value}
                      checked={reason === value}
                      onChange={() => setReason(value)}
                      data-testid={`block-reason-${value}`}
                    />
                    {l.reasons[value]}
                  </label>
                ))}
              </fieldset>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  setError(null);
                  setConfirming(true);
                }}
                data-testid="sim-block"
              >
                {l.block}
              </button>
              {!confirming && <SimError error={error} />}
            </>
          ) : (
            <SimReadOnly />
          )}
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={l.confirmTitle}
          confirmLabel={l.block}
          busyLabel={t.sim.working}
          busy={busy}
          danger
          onConfirm={block}
          onClose={() => setConfirming(false)}
          testId="sim-block-dialog"
        >
          <p>
            <strong>{l.reasons[reason]}.</strong> {l.confirmText}
          </p>
          <SimError error={error} />
        </ConfirmDialog>
      )}
    </section>
  );
}
