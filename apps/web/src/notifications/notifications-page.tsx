import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useSessionGuard } from '../auth/use-session-guard';
import { formatMessageTime } from '../format/dates';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { FormError } from '../login/form-error';
import {
  announceNotificationsChanged,
  getNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications-api';
import type { NotificationItem, NotificationList } from './notifications-types';
import './notifications.css';

/** /notifications (NOTIF-03): the in-app notification centre, newest first, in the language on screen. */
export default function NotificationsPage() {
  const { t, lang } = useLang();
  const load = useCallback((signal: AbortSignal) => getNotifications(lang, undefined, signal), [lang]);
  return <NotificationCentre key={lang} load={load} title={t.notifications.title} />;
}

function NotificationCentre({
  load,
  title,
}: {
  load: (signal: AbortSignal) => Promise<NotificationList>;
  title: string;
}) {
  const { t, lang } = useLang();
  const { state, reload, set } = useResource(load);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useSessionGuard(state.status === 'error' ? state.error : null);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const list = state.data;

  async function act(action: () => Promise<NotificationList>) {
    setBusy(true);
    setError(null);
    try {
      set(await action());
      announceNotificationsChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const readOne = (item: NotificationItem) =>
    act(async () => {
      const { unread } = await markNotificationRead(item.id);
      return {
        ...list,
        unread,
        items: list.items.map((i) => (i.id === item.id ? { ...i, read: true } : i)),
      };
    });
  const readAll = () =>
    act(async () => {
      await markAllNotificationsRead();
      return { ...list, unread: 0, items: list.items.map((i) => ({ ...i, read: true })) };
    });
  const more = () =>
    act(async () => {
      const next = await getNotifications(lang, list.nextBefore ?? undefined);
      return { ...next, items: [...list.items, ...next.items] };
    });

  return (
    <div className="notifications-page" data-testid="notifications-page">
      <div className="notifications-head">
        <h1>{title}</h1>
        <Link
          to="/settings/notifications"
          className="notifications-settings-link"
          data-testid="notification-settings-link"
        >
          {t.notifications.settingsLink}
        </Link>
      </div>
      <p className="hint" data-testid="notifications-unread" aria-live="polite">
        {t.notifications.unread(list.unread)}
      </p>
      {list.unread > 0 && (
        <button
          type="button"
          className="button button-secondary"
          onClick={readAll}
          disabled={busy}
          data-testid="notifications-read-all"
        >
          {t.notifications.markAllRead}
        </button>
      )}
      <FormError error={error} />
      {list.items.length === 0 ? (
        <p className="card" data-testid="notifications-empty">
          {t.notifications.empty}
        </p>
      ) : (
        <ul className="notifications-list">
          {list.items.map((item) => (
            <li
              key={item.id}
              className={item.read ? 'card notification' : 'card notification is-unread'}
              data-testid="notification"
              data-read={item.read}
            >
              <div className="notification-meta">
                <h2 className="notification-title">
                  {!item.read && <span className="notification-new">{t.notifications.newBadge}</span>}
                  {item.title}
                </h2>
                <time dateTime={item.createdAt}>{formatMessageTime(t.locale, item.createdAt)}</time>
              </div>
              <p className="notification-body">{item.body}</p>
              {!item.read && (
                <button
                  type="button"
                  className="button button-ghost"
                  onClick={() => readOne(item)}
                  disabled={busy}
                  data-testid="notification-read"
                >
                  {t.notifications.markRead}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.nextBefore && (
        <button type="button" className="button button-secondary" onClick={more} disabled={busy}>
          {t.notifications.more}
        </button>
      )}
    </div>
  );
}
