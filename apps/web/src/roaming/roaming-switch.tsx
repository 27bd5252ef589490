import { useState } from 'react';
import { Link } from 'react-router';
import { type RoamingKindState, type RoamingState, setRoaming } from '../api/roaming-api';
import { ActionError } from '../catalog/action-error';
import type { Worded } from '../catalog/worded';
import { formatDateTime } from '../format/dates';
import { useLang } from '../i18n/i18n-context';

const KINDS = ['voice', 'sms', 'data'] as const;

/**
 * SVC-05: the roaming switch, what works abroad per kind, and how the service bans (SVC-04) sit on top of it.
 * Not optimistic: the switch shows what the server answered.
 */
export function RoamingSwitch({
  lineId,
  state,
  canChange,
  onDone,
}: {
  lineId: string;
  state: RoamingState;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const { t, lang } = useLang();
  const r = t.roaming;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const activeBans = state.bans.filter((ban) => ban.enabled);

  async function toggle(enabled: boolean) {
    setBusy(true);
    setError(null);
    try {
      await setRoaming(lineId, enabled);
      onDone((t) => (enabled ? t.roaming.turnedOn : t.roaming.turnedOff));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="card settings-block"
      aria-labelledby="roaming-switch-title"
      data-testid="roaming-switch"
    >
      <h2 id="roaming-switch-title">{r.switchTitle}</h2>
      <div className="setting-row" data-testid="roaming-state" data-enabled={state.enabled}>
        <div className="setting-text">
          {canChange ? (
            <label htmlFor="roaming-toggle" className="setting-name">
              {r.switchLabel}
            </label>
          ) : (
            <span className="setting-name">{r.switchLabel}</span>
          )}
          <p className="hint">
            {state.updatedAt ? r.since(formatDateTime(t.locale, state.updatedAt)) : r.byDefault}
          </p>
        </div>
        {canChange ? (
          <span className="switch">
            <input
              id="roaming-toggle"
              type="checkbox"
              role="switch"
              checked={state.enabled}
              aria-checked={state.enabled}
              aria-busy={busy}
              disabled={busy}
              onChange={(event) => toggle(event.target.checked)}
              data-testid="roaming-toggle"
            />
            <span className="switch-state" aria-hidden="true">
              {state.enabled ? r.on : r.off}
            </span>
          </span>
        ) : (
          <span className={state.enabled ? 'status-pill pill-success' : 'status-pill'}>
            {state.enabled ? r.on : r.off}
          </span>
        )}
      </div>
      <ActionError error={error} />
      <ul className="roaming-access" aria-label={r.switchTitle}>
        {KINDS.map((kind) => (
          <AccessRow key={kind} kind={r.kinds[kind]} state={state.access[kind]} testId={`access-${kind}`} />
        ))}
      </ul>
      <p className="hint" data-testid="roaming-bans-explained">
        {r.bansExplained}
      </p>
      {activeBans.length > 0 && (
        <p className="notice" role="note" data-testid="roaming-bans-active">
          {r.bansActive(activeBans.map((ban) => `«${ban.name[lang]}»`).join(', '))}
        </p>
      )}
      <p className="hint">
        <Link to="/services">{r.bansLink}</Link>
      </p>
      {!canChange && <p className="hint read-only-note">{r.partial}</p>}
    </section>
  );
}

function AccessRow({ kind, state, testId }: { kind: string; state: RoamingKindState; testId: string }) {
  const { t } = useLang();
  return (
    <li className={`roaming-kind is-${state}`} data-testid={testId} data-state={state}>
      <span className="setting-name">{kind}</span> — {t.roaming.states[state] ?? state}
    </li>
  );
}
