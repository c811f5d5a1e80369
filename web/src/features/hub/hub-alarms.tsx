import type { HubAlarm } from '../../api/hub.ts';
import { alarmText } from './format.ts';

/** The warning at the top of the hub screen when the server reports stuck queues. */
export function HubAlarms({ thresholdMinutes, items }: { thresholdMinutes: number; items: HubAlarm[] }) {
  if (items.length === 0) return null;
  return (
    <section className="alert alert-warning" role="alert" aria-label="Cảnh báo hàng đợi bị kẹt">
      <strong>Cảnh báo: hàng đợi chuyển gói tin bị kẹt quá {thresholdMinutes} phút</strong>
      <ul>
        {items.map((a) => <li key={a.kind === 'peer' ? a.peerId : 'queue'}>{alarmText(a)}</li>)}
      </ul>
    </section>
  );
}
