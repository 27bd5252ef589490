import { type FormEvent, useState } from 'react';
import { addToBlacklist, getBlacklist, removeFromBlacklist } from '../api/line-settings-api';
import type { BlacklistEntry } from '../api/line-settings-types';
import { useSessionGuard } from '../auth/use-session-guard';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { formatDate } from '../format/dates';
import { formatMsisdn, unbreakable } from '../format/phone';
import { FieldMessages } from '../forms/field-messages';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { ReadOnlyNote } from './read-only-note';
import { SettingError } from './setting-error';
import { onlyTheseFields, settingFieldMessages } from './setting-errors';

const LABEL_MAX = 40;

/** SVC-07: numbers whose calls and texts do not reach the line; add with an optional label, remove. */
export function BlacklistSection({
  lineId,
  canChange,
  onDone,
}: {
  lineId: string;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const { t } = useLang();
  const b = t.lineSettings.blacklist;
  const { state, reload } = useLineData(lineId, 'blacklist', getBlacklist);
  useSessionGuard(state.status === 'error' ? state.error : null);
  const [number, setNumber] = useState('');
  const [label, setLabel] = useState('');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);

  const numberErrors = settingFieldMessages(t, addError, 'number', t.lineSettings.errors.ownNumberBlacklist);
  const labelErrors = settingFieldMessages(t, addError, 'label');

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdding(true);
    setAddError(null);
    setRemoveError(null);
    try {
      const entry = await addToBlacklist(lineId, number.trim(), label.trim() || undefined);
      setNumber('');
      setLabel('');
      onDone((t) => t.lineSettings.blacklist.added(formatMsisdn(entry.number)));
      reload();
    } catch (failure) {
      setAddError(failure);
    } finally {
      setAdding(false);
    }
  }

  async function remove(entry: BlacklistEntry) {
    setRemoving(entry.id);
    setRemoveError(null);
    try {
      await removeFromBlacklist(lineId, entry.id);
      onDone((t) => t.lineSettings.blacklist.removed(formatMsisdn(entry.number)));
    } catch (failure) {
      setRemoveError(failure);
    } finally {
      setRemoving(null);
      // Removed here or from another device: show what is true now.
      reload();
    }
  }

  const data = state.status === 'ready' ? state.data : null;

  return (
    <section className="card settings-block" aria-labelledby="blacklist-title" data-testid="blacklist">
      <div className="section-head">
        <h2 id="blacklist-title">{b.title}</h2>
        {data && (
          <span className="status-pill" data-testid="blacklist-count">
            {b.count(data.entries.length, data.limit)}
          </span>
        )}
      </div>
      <p className="muted">{b.hint}</p>
      {canChange && (
        <form className="blacklist-form" onSubmit={add} noValidate>
          <div className="field">
            <label htmlFor="blacklist-number">{b.number}</label>
            <input
              id="blacklist-number"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={number}
              onChange={(event) => setNumber(event.target.value)}
              aria-invalid={numberErrors.length > 0}
              aria-describedby={numberErrors.length > 0 ? 'blacklist-number-error' : undefined}
              disabled={adding}
              data-testid="blacklist-number"
            />
            <FieldMessages id="blacklist-number-error" messages={numberErrors} />
          </div>
          <div className="field">
            <label htmlFor="blacklist-label">{b.label}</label>
            <input
              id="blacklist-label"
              type="text"
              maxLength={LABEL_MAX}
              value={label}
              placeholder={b.labelPlaceholder}
              onChange={(event) => setLabel(event.target.value)}
              aria-invalid={labelErrors.length > 0}
              aria-describedby={labelErrors.length > 0 ? 'blacklist-label-error' : undefined}
              disabled={adding}
              data-testid="blacklist-label"
            />
            <FieldMessages id="blacklist-label-error" messages={labelErrors} />
          </div>
          <button
            type="submit"
            className="button button-secondary"
            disabled={adding || number.trim() === ''}
            data-testid="blacklist-add"
          >
            {adding ? b.adding : b.add}
          </button>
          <SettingError error={onlyTheseFields(addError, ['number', 'label']) ? null : addError} />
        </form>
      )}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {data && data.entries.length === 0 && (
        <p className="hint" data-testid="blacklist-empty">
          {b.empty}
        </p>
      )}
      {data && data.entries.length > 0 && (
        <ul className="setting-list">
          {data.entries.map((entry) => {
            const shown = formatMsisdn(entry.number);
            return (
              <li
                key={entry.id}
                className="setting-row"
                data-testid="blacklist-entry"
                data-number={entry.number}
              >
                <div className="setting-text">
                  <span className="setting-name">{unbreakable(shown)}</span>
                  <p className="hint">
                    {[entry.label, b.since(formatDate(t.locale, entry.createdAt))]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
                {canChange && (
                  <button
                    type="button"
                    className="button button-ghost"
                    onClick={() => remove(entry)}
                    disabled={removing !== null}
                    aria-label={b.removeLabel(shown)}
                    data-testid="blacklist-remove"
                  >
                    {b.remove}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canChange && <SettingError error={removeError} />}
      {!canChange && data && <ReadOnlyNote />}
    </section>
  );
}
