import { useState } from 'react';
import { getOptions } from '../api/services-api';
import { useSessionGuard } from '../auth/use-session-guard';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { OptionCard } from './option-card';
import { OptionDialog } from './option-dialog';
import {
  CATEGORIES,
  type CategoryFilter,
  filterOptions,
  type ListedOption,
  listOptions,
} from './option-filter';

/** SVC-01/02: connected options, or the whole catalog grouped by category, with category chips and search. */
export function OptionsTab({
  lineId,
  tab,
  canChange,
  onDone,
}: {
  lineId: string;
  tab: 'connected' | 'all';
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  const s = t.services;
  const { state, reload } = useLineData(lineId, 'options', getOptions);
  useSessionGuard(state.status === 'error' ? state.error : null);
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ListedOption | null>(null);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const listed = listOptions(state.data, tab);
  const shown = tab === 'all' ? filterOptions(listed, category, query) : listed;

  return (
    <>
      {tab === 'all' && (
        <div className="option-filters">
          <div className="field">
            <label htmlFor="option-search">{s.search}</label>
            <input
              id="option-search"
              type="search"
              value={query}
              placeholder={s.searchPlaceholder}
              onChange={(event) => setQuery(event.target.value)}
              data-testid="option-search"
            />
          </div>
          <fieldset className="category-chips">
            <legend className="visually-hidden">{s.tabs.all}</legend>
            {CATEGORIES.map((value) => (
              <button
                key={value}
                type="button"
                className={value === category ? 'filter-chip is-selected' : 'filter-chip'}
                aria-pressed={value === category}
                onClick={() => setCategory(value)}
                data-testid={`category-${value}`}
              >
                {s.categories[value]}
              </button>
            ))}
          </fieldset>
        </div>
      )}
      {shown.length === 0 ? (
        <p className="card state" data-testid="options-empty">
          {tab === 'connected' ? s.noneConnected : s.nothingFound}
        </p>
      ) : tab === 'all' && category === 'all' ? (
        CATEGORIES.filter((value) => value !== 'all').map((value) => {
          const inGroup = shown.filter((option) => option.category === value);
          if (inGroup.length === 0) return null;
          return (
            <section key={value} className="option-group" aria-labelledby={`option-group-${value}`}>
              <h2 id={`option-group-${value}`}>{s.categories[value]}</h2>
              <OptionList options={inGroup} canChange={canChange} onAction={setChosen} />
            </section>
          );
        })
      ) : (
        <OptionList options={shown} canChange={canChange} onAction={setChosen} />
      )}
      {chosen && (
        <OptionDialog
          lineId={lineId}
          option={chosen}
          onClose={() => setChosen(null)}
          onDone={(message) => {
            setChosen(null);
            onDone(message);
            reload();
          }}
        />
      )}
    </>
  );
}

function OptionList({
  options,
  canChange,
  onAction,
}: {
  options: ListedOption[];
  canChange: boolean;
  onAction: (option: ListedOption) => void;
}) {
  return (
    <ul className="option-list">
      {options.map((option) => (
        <OptionCard key={option.id} option={option} canChange={canChange} onAction={onAction} />
      ))}
    </ul>
  );
}
