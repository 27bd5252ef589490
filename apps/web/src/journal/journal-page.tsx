import { useState } from 'react';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LineSwitcher } from '../dashboard/line-switcher';
import { useSelectedLine } from '../dashboard/use-selected-line';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { FormError } from '../login/form-error';
import { isForbidden, PartialAccessNotice } from '../security/partial-access-notice';
import { FilterSelect } from './filter-select';
import { JournalEntryRow } from './journal-entry-row';
import { CHANNELS, type JournalFilters, KINDS, PERIODS } from './journal-filters';
import { useJournal } from './use-journal';
import './journal.css';

/** /journal (ACCESS-12): every action on the selected line, from any channel; filterable, newest first. */
export default function JournalPage({ me }: { me: Me }) {
  if (me.session.access === 'partial') return <PartialAccessNotice />;
  return <JournalView me={me} />;
}

function JournalView({ me }: { me: Me }) {
  const t = useT();
  const j = t.journal;
  const [line, selectLine] = useSelectedLine(me.lines);
  const [filters, setFilters] = useState<JournalFilters>({ period: 'month', channel: '', kind: 'all' });
  const { state, loadMore, retry } = useJournal(line?.id, filters);
  useSessionGuard(state.status === 'error' ? state.error : null);

  if (state.status === 'error' && isForbidden(state.error)) return <PartialAccessNotice />;

  return (
    <div className="journal-page" data-testid="journal-page">
      <h1>{j.title}</h1>
      <p className="muted">{j.intro}</p>
      {me.lines.length > 1 && line && <LineSwitcher lines={me.lines} value={line.id} onChange={selectLine} />}

      <div className="card journal-filters">
        <FilterSelect
          id="journal-period"
          label={j.period}
          value={filters.period}
          options={PERIODS.map((period) => ({ value: period, label: j.periods[period] }))}
          onChange={(period) => setFilters({ ...filters, period })}
        />
        <FilterSelect<JournalFilters['channel']>
          id="journal-channel"
          label={j.channel}
          value={filters.channel}
          options={[
            { value: '', label: j.any },
            ...CHANNELS.map((channel) => ({ value: channel, label: j.channels[channel] ?? channel })),
          ]}
          onChange={(channel) => setFilters({ ...filters, channel })}
        />
        <FilterSelect
          id="journal-kind"
          label={j.kind}
          value={filters.kind}
          options={KINDS.map((kind) => ({ value: kind, label: j.kinds[kind] }))}
          onChange={(kind) => setFilters({ ...filters, kind })}
        />
      </div>

      {!line ? (
        <p className="card state">{t.dashboard.noLines}</p>
      ) : state.status === 'loading' ? (
        <LoadingState />
      ) : state.status === 'error' ? (
        <ErrorState error={state.error} onRetry={retry} />
      ) : state.entries.length === 0 ? (
        <p className="card state" data-testid="journal-empty">
          {j.empty}
        </p>
      ) : (
        <section className="card journal-card" aria-label={j.title}>
          <ol className="journal-list">
            {state.entries.map((entry) => (
              <JournalEntryRow key={entry.id} entry={entry} />
            ))}
          </ol>
          <FormError error={state.moreError} />
          {state.nextBefore && (
            <button
              type="button"
              className="button button-secondary"
              onClick={loadMore}
              disabled={state.loadingMore}
              data-testid="journal-more"
            >
              {state.loadingMore ? j.loadingMore : j.more}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
