import { useState } from 'react';
import { type Autopay, deleteAutopay, updateAutopay } from '../api/autopay-api';
import { ActionError } from '../catalog/action-error';
import { ConfirmDialog } from '../catalog/confirm-dialog';
import type { Worded } from '../catalog/worded';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { useT } from '../i18n/i18n-context';

/**
 * The line's autopay rules: what each does, with which card and limits, whether it is on, the last and next
 * run, and — when it failed or paused — why, in words. Pause, switch on and delete need full access.
 */
export function AutopayRules({
  lineId,
  rules,
  canChange,
  onDone,
}: {
  lineId: string;
  rules: Autopay[];
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const a = t.autopay;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<Autopay | null>(null);

  async function act(rule: Autopay, action: () => Promise<unknown>, message: Worded) {
    setBusy(rule.id);
    setError(null);
    try {
      await action();
      onDone(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
      setDeleting(null);
    }
  }

  return (
    <section className="card autopay-rules" aria-labelledby="autopay-rules-title" data-testid="autopay-rules">
      <h2 id="autopay-rules-title">{a.rulesTitle}</h2>
      {rules.length === 0 ? (
        <p className="muted" data-testid="autopay-no-rules">
          {a.noRules}
        </p>
      ) : (
        <ul className="autopay-rule-list">
          {rules.map((rule) => (
            <RuleItem
              key={rule.id}
              rule={rule}
              disabled={!canChange || busy !== null}
              onPause={() =>
                act(
                  rule,
                  () => updateAutopay(lineId, rule.id, { status: 'paused' }),
                  (tt) => tt.autopay.paused,
                )
              }
              onResume={() =>
                act(
                  rule,
                  () => updateAutopay(lineId, rule.id, { status: 'active' }),
                  (tt) => tt.autopay.resumed,
                )
              }
              onDelete={() => setDeleting(rule)}
            />
          ))}
        </ul>
      )}
      <ActionError error={error} />
      {deleting && (
        <ConfirmDialog
          title={a.deleteConfirmTitle}
          confirmLabel={a.remove}
          busyLabel={a.deleting}
          busy={busy !== null}
          danger
          onConfirm={() =>
            act(
              deleting,
              () => deleteAutopay(lineId, deleting.id),
              (tt) => tt.autopay.deleted,
            )
          }
          onClose={() => setDeleting(null)}
          testId="autopay-delete-confirm"
        >
          <p>{a.deleteConfirmText}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function RuleItem({
  rule,
  disabled,
  onPause,
  onResume,
  onDelete,
}: {
  rule: Autopay;
  disabled: boolean;
  onPause: () => void;
  onResume: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  const a = t.autopay;
  const money = (kopecks: number) => formatMoney(t.locale, kopecks, { trimWhole: true });
  const when = (iso: string) => formatDateTime(t.locale, iso);
  const limits = a.limits(
    rule.dailyLimit === null ? null : money(rule.dailyLimit),
    rule.monthlyLimit === null ? null : money(rule.monthlyLimit),
  );
  const retrying = rule.status === 'active' && rule.failures > 0 && rule.nextRunAt !== null;
  // A rule whose card cannot be charged does not run: no "next" line, and it cannot be switched on.
  const runs = rule.status === 'active' && rule.cardChargeable;
  const reason = rule.lastFailureReason
    ? (a.failureReasons[rule.lastFailureReason] ?? rule.lastFailureReason)
    : null;
  return (
    <li data-testid="autopay-rule" data-status={rule.status} data-kind={rule.kind}>
      <p className="autopay-rule-what">
        <strong>
          {rule.kind === 'threshold'
            ? a.ruleThreshold(money(rule.threshold ?? 0), money(rule.amount))
            : a.ruleMonthly(rule.dayOfMonth ?? 1, money(rule.amount))}
        </strong>
        <span
          className={rule.status === 'active' ? 'autopay-status is-on' : 'autopay-status is-off'}
          data-testid="autopay-rule-status"
        >
          {rule.status === 'active' ? a.statusActive : a.statusPaused}
        </span>
      </p>
      <p className="muted">
        {a.fromCard(a.card(rule.card.brand, rule.card.last4))}
        {limits && ` · ${limits}`}
      </p>
      {/* A card of the previous provider is explained once, below, whether or not the pass paused the rule yet. */}
      {rule.status === 'paused' && rule.pausedReason && rule.pausedReason !== 'card_unusable' && (
        <p className="autopay-paused" data-testid="autopay-rule-paused">
          {a.pausedBy[rule.pausedReason]}
        </p>
      )}
      {!rule.cardRemoved && !rule.cardChargeable && (
        <p className="autopay-paused" data-testid="autopay-rule-card-unusable">
          {a.cardOfPreviousAcquirer}
        </p>
      )}
      {rule.lastRunAt && rule.lastResult && (
        <p data-testid="autopay-rule-last">
          {a.lastRun(`${when(rule.lastRunAt)}, ${a.lastResult[rule.lastResult]}`)}
        </p>
      )}
      {reason && rule.lastResult === 'failed' && (
        <p className="autopay-failure" data-testid="autopay-rule-failure">
          {a.failure(reason)}
        </p>
      )}
      {runs &&
        (retrying && rule.nextRunAt ? (
          <p data-testid="autopay-rule-next">{a.retry(when(rule.nextRunAt), rule.failures)}</p>
        ) : rule.nextRunAt ? (
          <p data-testid="autopay-rule-next">{a.nextRun(when(rule.nextRunAt))}</p>
        ) : (
          <p className="muted" data-testid="autopay-rule-next">
            {a.armed}
          </p>
        ))}
      {rule.limitReached && <p className="muted">{a.limitReached[rule.limitReached]}</p>}
      <div className="autopay-rule-actions">
        {rule.status === 'active' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={disabled}
            onClick={onPause}
            data-testid="autopay-pause"
          >
            {a.pause}
          </button>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            disabled={disabled || !rule.cardChargeable}
            onClick={onResume}
            data-testid="autopay-resume"
          >
            {a.resume}
          </button>
        )}
        <button
          type="button"
          className="button button-ghost"
          disabled={disabled}
          onClick={onDelete}
          data-testid="autopay-delete"
        >
          {a.remove}
        </button>
      </div>
    </li>
  );
}
