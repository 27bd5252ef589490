import { useState } from 'react';
import { getBans, setBan } from '../api/line-settings-api';
import type { ServiceBan } from '../api/line-settings-types';
import { useSessionGuard } from '../auth/use-session-guard';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { formatDate } from '../format/dates';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { ReadOnlyNote } from './read-only-note';
import { SettingError } from './setting-error';
import { catalogText } from './setting-errors';

/** SVC-04: the catalog's service bans with a switch each. Not optimistic: the switch follows the server. */
export function BansSection({
  lineId,
  canChange,
  onDone,
}: {
  lineId: string;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const { t, lang } = useLang();
  const b = t.lineSettings.bans;
  const { state, reload } = useLineData(lineId, 'bans', getBans);
  useSessionGuard(state.status === 'error' ? state.error : null);
  // The answers of changes made here, over the loaded list (the list is not reloaded after each switch).
  const [changed, setChanged] = useState<Record<string, ServiceBan>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; error: unknown } | null>(null);

  async function toggle(ban: ServiceBan, enabled: boolean) {
    setBusy(ban.code);
    setError(null);
    try {
      const saved = await setBan(lineId, ban.code, enabled);
      setChanged((current) => ({ ...current, [ban.code]: saved }));
      onDone((t, lang) => {
        const name = catalogText(ban.name, lang);
        return saved.enabled ? t.lineSettings.bans.enabledDone(name) : t.lineSettings.bans.disabledDone(name);
      });
    } catch (failure) {
      setError({ code: ban.code, error: failure });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card settings-block" aria-labelledby="bans-title" data-testid="bans">
      <h2 id="bans-title">{b.title}</h2>
      <p className="muted">{b.hint}</p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <p className="hint">{b.empty}</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <ul className="setting-list">
          {state.data.map((loaded) => {
            const ban = changed[loaded.code] ?? loaded;
            const name = catalogText(ban.name, lang);
            const id = `ban-${ban.code}`;
            const bars = ban.bars.map((bar) => b.barNames[bar] ?? bar).join(', ');
            return (
              <li
                key={ban.code}
                className="setting-row"
                data-testid="ban"
                data-code={ban.code}
                data-enabled={ban.enabled}
              >
                <div className="setting-text">
                  {canChange ? (
                    <label htmlFor={id} className="setting-name">
                      {name}
                    </label>
                  ) : (
                    <span className="setting-name">{name}</span>
                  )}
                  <p id={`${id}-about`} className="hint">
                    {catalogText(ban.description, lang)}
                    {bars && ` ${b.bars}: ${bars}.`}
                  </p>
                  {error?.code === ban.code && <SettingError error={error.error} />}
                </div>
                {canChange ? (
                  <span className="switch">
                    <input
                      id={id}
                      type="checkbox"
                      role="switch"
                      checked={ban.enabled}
                      aria-checked={ban.enabled}
                      aria-describedby={`${id}-about`}
                      aria-busy={busy === ban.code}
                      disabled={busy !== null}
                      onChange={(event) => toggle(ban, event.target.checked)}
                      data-testid="ban-toggle"
                    />
                    <span className="switch-state" aria-hidden="true">
                      {ban.enabled ? b.on : b.off}
                    </span>
                  </span>
                ) : (
                  <span className={ban.enabled ? 'status-pill pill-success' : 'status-pill'}>
                    {ban.enabled ? b.on : b.off}
                    {ban.enabled && ban.enabledAt && ` ${b.since(formatDate(t.locale, ban.enabledAt))}`}
                  </span>
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
