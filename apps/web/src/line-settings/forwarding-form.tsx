import { type FormEvent, useState } from 'react';
import { setForwarding } from '../api/line-settings-api';
import type { ForwardingChange, ForwardingRule } from '../api/line-settings-types';
import { formatMsisdn } from '../format/phone';
import { FieldMessages } from '../forms/field-messages';
import { useT } from '../i18n/i18n-context';
import { SettingError } from './setting-error';
import { onlyTheseFields, settingFieldMessages } from './setting-errors';

const DELAYS = [5, 10, 15, 20, 25, 30];
const DEFAULT_DELAY = 20;

/** One forwarding condition: the switch, the number (any format), the delay for "no answer", "Сохранить". */
export function ForwardingForm({
  lineId,
  rule,
  onSaved,
}: {
  lineId: string;
  rule: ForwardingRule;
  onSaved: (rule: ForwardingRule) => void;
}) {
  const t = useT();
  const f = t.lineSettings.forwarding;
  const id = `forwarding-${rule.condition}`;
  const hasDelay = rule.condition === 'no_answer';
  const [enabled, setEnabled] = useState(rule.enabled);
  const [target, setTarget] = useState(rule.target ? formatMsisdn(rule.target) : '');
  const [delay, setDelay] = useState(rule.delaySeconds ?? DEFAULT_DELAY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const targetErrors = settingFieldMessages(t, error, 'target');
  const delayErrors = settingFieldMessages(t, error, 'delaySeconds');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const change: ForwardingChange = { enabled };
    if (target.trim()) change.target = target.trim();
    if (hasDelay) change.delaySeconds = delay;
    try {
      const saved = await setForwarding(lineId, rule.condition, change);
      setEnabled(saved.enabled);
      setTarget(saved.target ? formatMsisdn(saved.target) : '');
      if (saved.delaySeconds) setDelay(saved.delaySeconds);
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="forwarding-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <div className="setting-head">
        <h3 id={`${id}-title`} className="setting-name">
          {f.conditions[rule.condition]}
        </h3>
        <span className="switch">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            role="switch"
            checked={enabled}
            aria-checked={enabled}
            aria-labelledby={`${id}-title ${id}-state`}
            onChange={(event) => setEnabled(event.target.checked)}
            disabled={busy}
            data-testid="forwarding-enabled"
          />
          <span id={`${id}-state`} className="switch-state">
            {enabled ? f.enabled : f.off}
          </span>
        </span>
      </div>
      <div className={hasDelay ? 'forwarding-fields with-delay' : 'forwarding-fields'}>
        <div className="field">
          <label htmlFor={`${id}-target`}>{f.target}</label>
          <input
            id={`${id}-target`}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            aria-invalid={targetErrors.length > 0}
            aria-describedby={targetErrors.length > 0 ? `${id}-target-error` : undefined}
            disabled={busy}
            data-testid="forwarding-target"
          />
          <FieldMessages id={`${id}-target-error`} messages={targetErrors} />
        </div>
        {hasDelay && (
          <div className="field forwarding-delay">
            <label htmlFor={`${id}-delay`}>{f.delay}</label>
            <select
              id={`${id}-delay`}
              value={delay}
              onChange={(event) => setDelay(Number(event.target.value))}
              aria-invalid={delayErrors.length > 0}
              aria-describedby={delayErrors.length > 0 ? `${id}-delay-error` : undefined}
              disabled={busy}
              data-testid="forwarding-delay"
            >
              {DELAYS.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {f.seconds(seconds)}
                </option>
              ))}
            </select>
            <FieldMessages id={`${id}-delay-error`} messages={delayErrors} />
          </div>
        )}
      </div>
      <SettingError error={onlyTheseFields(error, ['target', 'delaySeconds']) ? null : error} />
      <button
        type="submit"
        className="button button-secondary"
        disabled={busy}
        aria-describedby={`${id}-title`}
        data-testid="forwarding-save"
      >
        {busy ? f.saving : f.save}
      </button>
    </form>
  );
}
