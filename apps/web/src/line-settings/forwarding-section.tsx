import { useState } from 'react';
import { getForwarding } from '../api/line-settings-api';
import type { ForwardingCondition, ForwardingRule } from '../api/line-settings-types';
import { useSessionGuard } from '../auth/use-session-guard';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { formatMsisdn, unbreakable } from '../format/phone';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { ForwardingForm } from './forwarding-form';
import { ReadOnlyNote } from './read-only-note';

export const CONDITIONS: ForwardingCondition[] = ['unconditional', 'busy', 'no_answer', 'unreachable'];

/** SVC-06: the four forwarding conditions, each saved on its own. */
export function ForwardingSection({
  lineId,
  canChange,
  onDone,
}: {
  lineId: string;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const f = t.lineSettings.forwarding;
  const { state, reload } = useLineData(lineId, 'forwarding', getForwarding);
  useSessionGuard(state.status === 'error' ? state.error : null);
  const [saved, setSaved] = useState<Partial<Record<ForwardingCondition, ForwardingRule>>>({});

  return (
    <section className="card settings-block" aria-labelledby="forwarding-title" data-testid="forwarding">
      <h2 id="forwarding-title">{f.title}</h2>
      {canChange && <p className="muted">{f.hint}</p>}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <ul className="setting-list">
          {CONDITIONS.map((condition) => {
            const rule = saved[condition] ??
              state.data.find((item) => item.condition === condition) ?? {
                condition,
                enabled: false,
                target: null,
                delaySeconds: null,
              };
            return (
              <li
                key={condition}
                className="setting-row forwarding-rule"
                data-testid="forwarding-rule"
                data-condition={condition}
                data-enabled={rule.enabled}
              >
                {canChange ? (
                  <ForwardingForm
                    lineId={lineId}
                    rule={rule}
                    onSaved={(next) => {
                      setSaved((current) => ({ ...current, [condition]: next }));
                      onDone((t) =>
                        t.lineSettings.forwarding.saved(t.lineSettings.forwarding.conditions[condition]),
                      );
                    }}
                  />
                ) : (
                  <div className="setting-text">
                    <span className="setting-name">{f.conditions[condition]}</span>
                    <p className="hint" data-testid="forwarding-state">
                      {rule.enabled && rule.target
                        ? [
                            f.to(unbreakable(formatMsisdn(rule.target))),
                            condition === 'no_answer' && rule.delaySeconds
                              ? f.afterSeconds(rule.delaySeconds)
                              : '',
                          ]
                            .filter(Boolean)
                            .join(' ')
                        : f.off}
                    </p>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!canChange && state.status === 'ready' && <ReadOnlyNote />}
    </section>
  );
}
