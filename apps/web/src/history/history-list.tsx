import type { HistoryEntry } from '../api/history-api';
import { formatDateTime } from '../format/dates';
import { useLang } from '../i18n/i18n-context';

/** SVC-10: the changes of tariff and options, newest first, each with its date and time. */
export function HistoryList({ changes }: { changes: HistoryEntry[] }) {
  const { t, lang } = useLang();
  const h = t.history;
  return (
    <section className="card settings-block" aria-labelledby="history-list-title">
      <h2 id="history-list-title">{h.listTitle}</h2>
      {changes.length === 0 ? (
        <p className="muted">{h.empty}</p>
      ) : (
        <ol className="history-list" data-testid="history-list">
          {changes.map((c) => (
            <li key={`${c.at}-${c.type}-${c.item.id}`} data-testid="history-entry" data-type={c.type}>
              <time dateTime={c.at} className="hint">
                {formatDateTime(t.locale, c.at)}
              </time>
              <span className="setting-name">
                {c.type === 'tariff_changed'
                  ? h.entry.tariff_changed(c.item.name[lang], c.previous?.name[lang] ?? '')
                  : h.entry[c.type](c.item.name[lang])}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
