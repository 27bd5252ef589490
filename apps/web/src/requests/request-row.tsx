import type { LineRequest } from '../api/catalog-types';
import { formatDate, formatDateTime } from '../format/dates';
import { type Lang, useLang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

/**
 * The request's title as the server words it; for old requests the server only knows the kind ("Request:
 * option_connect"), which reads like a code, so the kind gets the dictionary's words instead.
 */
function requestTitle(t: Dictionary, lang: Lang, request: LineRequest): string {
  const title = request.title[lang];
  const generic = title === `Request: ${request.kind}` || title === `Заявка: ${request.kind}`;
  return generic ? (t.requests.kinds[request.kind] ?? title) : title;
}

/** One request: title, status pill and an expandable time line of its statuses. */
export function RequestRow({ request }: { request: LineRequest }) {
  const { t, lang } = useLang();
  const r = t.requests;
  return (
    <li className="request" data-testid="request" data-kind={request.kind} data-status={request.status}>
      <details className="disclosure">
        <summary className="request-summary">
          <span className="request-main">
            <span className="request-title">{requestTitle(t, lang, request)}</span>
            <time className="hint" dateTime={request.createdAt}>
              {r.created(formatDateTime(t.locale, request.createdAt))}
            </time>
            {request.effectiveAt && request.status === 'accepted' && (
              <span className="hint">{r.effective(formatDate(t.locale, request.effectiveAt))}</span>
            )}
          </span>
          <span className={`status-pill status-${request.status}`} data-testid="request-status">
            {r.status[request.status] ?? request.status}
          </span>
        </summary>
        <ol className="timeline" aria-label={r.timeline} data-testid="request-timeline">
          {request.events.map((event) => (
            <li key={`${event.at}-${event.status}`} className={`timeline-step step-${event.status}`}>
              <span className="timeline-dot" aria-hidden="true" />
              <span className="timeline-status">{r.status[event.status] ?? event.status}</span>
              <time className="hint" dateTime={event.at}>
                {formatDateTime(t.locale, event.at)}
              </time>
              {event.note && <span className="timeline-note">{event.note}</span>}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
