import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { incomingApi } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDateTime } from './format.ts';

/** The unread count, live: the server's event stream (it polls the database, so any app node's notifications arrive). */
export function useUnreadCount(): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('unread', (e) => setUnread((JSON.parse((e as MessageEvent<string>).data) as { unread: number }).unread));
    return () => source.close();
  }, []);
  return unread;
}

/** A bell drawn inline (an emoji needs a colour-emoji font, which a bare Chromium lacks). */
function BellIcon() {
  return (
    <svg className="bell-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M12 2.5v2M5 17.5h14l-1.8-2.5v-5a5.2 5.2 0 0 0-10.4 0v5z" />
      <circle cx="12" cy="20" r="1.6" />
    </svg>
  );
}

export function NotificationBell() {
  const unread = useUnreadCount();
  return (
    <Link className="bell" to="/thong-bao" aria-label={`Thông báo: ${unread} chưa đọc`}>
      <BellIcon />
      {unread > 0 && <span className="bell-count" data-testid="unread-count">{unread}</span>}
    </Link>
  );
}

export function NotificationsPage() {
  const { data, error, loading, reload } = useLoad((signal) => incomingApi.notifications(signal), []);
  return (
    <Page title="Thông báo" actions={<button className="button button-light" type="button" onClick={() => void incomingApi.readAll().then(reload)}>Đánh dấu đã đọc tất cả</button>}>
      <ErrorAlert message={error} />
      {loading && !data ? <Loading /> : (
        <ul className="notification-list">
          {(data?.items ?? []).map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'unread'}>
              <span className="time">{formatDateTime(n.createdAt)}</span>{' '}
              {n.incomingId ? <Link to={`/van-ban-den/${n.incomingId}`}>{n.title}</Link> : n.kind === 'outgoing.internal' ? <Link to="/van-ban-noi-bo">{n.title}</Link> : n.title}
              {n.body && <p className="hint">{n.body}</p>}
            </li>
          ))}
          {data && data.items.length === 0 && <li>Chưa có thông báo.</li>}
        </ul>
      )}
    </Page>
  );
}
