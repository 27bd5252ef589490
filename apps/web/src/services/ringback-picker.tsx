import { useId, useState } from 'react';
import { ApiError } from '../api/api-client';
import { chooseMelody, getRingback } from '../api/ringback-api';
import { changeErrorMessage } from '../catalog/change-error';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { useLang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';
import './ringback.css';

function pickerError(t: Dictionary, error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'not_connected') return t.ringback.errors.notConnected;
  if (error.code === 'already_chosen') return t.ringback.errors.alreadyChosen;
  if (error.code === 'not_found') return t.ringback.errors.notFound;
  return null;
}

/**
 * SVC-08: the melody callers hear instead of the ringing tone. Shown when the catalog has the ringback option;
 * the choice (free, a request in the list) needs the option connected and full access.
 */
export function RingbackPicker({
  lineId,
  canChange,
  onDone,
}: {
  lineId: string;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const { t, lang } = useLang();
  const r = t.ringback;
  const legendId = useId();
  const ringback = useLineData(lineId, 'ringback', getRingback);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (ringback.state.status !== 'ready') return null;
  const state = ringback.state.data;
  if (!state.option) return null;
  const selectedId = picked ?? state.current?.id ?? null;
  const selected = state.melodies.find((m) => m.id === selectedId) ?? null;

  async function save() {
    if (!selected) return;
    setBusy(true);
    setError(null);
    try {
      const done = await chooseMelody(lineId, selected.id);
      const name = done.current.name;
      onDone((t, lang) => t.ringback.done(name[lang]));
      setPicked(null);
      ringback.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="card settings-block ringback"
      aria-labelledby={`${legendId}-title`}
      data-testid="ringback"
    >
      <h2 id={`${legendId}-title`}>{r.title}</h2>
      <p className="setting-name" data-testid="ringback-current">
        {state.current ? `${r.current}: «${state.current.name[lang]}» — ${state.current.artist}` : r.none}
      </p>
      {!state.connected ? (
        <p className="hint" data-testid="ringback-not-connected">
          {r.notConnected(state.option.name[lang])}
        </p>
      ) : canChange ? (
        <>
          <fieldset className="melody-list">
            <legend className="field-legend">{r.choose}</legend>
            {state.melodies.map((m) => (
              <label key={m.id} className="melody" data-testid={`melody-${m.id}`}>
                <input
                  type="radio"
                  name={`melody-${lineId}`}
                  value={m.id}
                  checked={selectedId === m.id}
                  onChange={() => {
                    setPicked(m.id);
                    setError(null);
                  }}
                />
                <span>
                  {m.name[lang]}{' '}
                  <span className="hint">{`${m.artist}, ${r.duration(m.durationSeconds)}`}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {selected && (
            <p className="hint" data-testid="ringback-preview" aria-live="polite">
              {`${r.preview}: «${selected.name[lang]}» — ${selected.artist}, ${r.duration(selected.durationSeconds)}. ${r.free}`}
            </p>
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !selected || selected.id === state.current?.id}
            onClick={save}
            data-testid="ringback-save"
          >
            {busy ? r.saving : r.save}
          </button>
          <div className="form-error-region" aria-live="assertive" aria-atomic="true">
            {error !== null && (
              <p className="action-error" data-testid="action-error">
                {pickerError(t, error) ?? changeErrorMessage(t, lang, error)}
              </p>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
