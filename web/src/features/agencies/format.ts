/** Dates from the API are ISO (YYYY-MM-DD…); officials read dd/mm/yyyy. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function period(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return '';
  if (!to) return `Từ ${formatDate(from)}`;
  return `${formatDate(from) || '…'} – ${formatDate(to)}`;
}

/** Accent-insensitive comparison key (the server searches the same way; this filters loaded lists). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}
