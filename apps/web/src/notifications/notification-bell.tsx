import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/i18n-context';
import { getUnreadCount, NOTIFICATIONS_CHANGED } from './notifications-api';
import './notification-bell.css';

const POLL_MS = 30_000;

/**
 * NOTIF-03: the bell in the header, with the unread count as a badge; a link to the notification centre. It
 * asks again every 30 s, on every page change and whenever the centre announces a change.
 */
export function NotificationBell() {
  const t = useT();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    window.addEventListener(NOTIFICATIONS_CHANGED, bump);
    const timer = window.setInterval(() => {
      if (!document.hidden) bump();
    }, POLL_MS);
    return () => {
      window.removeEventListener(NOTIFICATIONS_CHANGED, bump);
      window.clearInterval(timer);
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `pathname` and `tick` are the triggers to ask again.
  useEffect(() => {
    const controller = new AbortController();
    getUnreadCount(controller.signal).then(
      (answer) => setUnread(answer.unread),
      () => {},
    );
    return () => controller.abort();
  }, [pathname, tick]);

  return (
    <Link
      to="/notifications"
      className="button button-ghost notification-bell"
      aria-label={t.notifications.bell(unread)}
      title={t.notifications.title}
      data-testid="notification-bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {unread > 0 && (
        <span className="notification-badge" data-testid="notification-badge">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
