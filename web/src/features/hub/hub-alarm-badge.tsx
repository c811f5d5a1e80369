import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { findAlarms } from '../../api/hub.ts';
import { useSession } from '../auth/session.tsx';

const POLL_MS = 60_000;

/**
 * Next to the notification bell, for users with hub.operate only: a warning link to the hub screen
 * while the server reports stuck queues (GET /api/hub/alarms, polled every minute). Nothing otherwise.
 */
export function HubAlarmBadge() {
  const { can } = useSession();
  const operator = can('hub.operate');
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!operator) return undefined;
    const controller = new AbortController();
    const poll = () => {
      findAlarms(controller.signal).then((a) => setCount(a.items.length), () => undefined);
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [operator]);
  if (!operator || count === 0) return null;
  return (
    <Link className="badge badge-warning hub-alarm" to="/truc-lien-thong" title="Hàng đợi chuyển gói tin bị kẹt: xem Trục liên thông">
      Trục liên thông: {count} cảnh báo
    </Link>
  );
}
