/** Dates as Vietnamese readers write them, in Vietnam time. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** YYYY-MM-DD → DD/MM/YYYY. */
export function formatDate(date: string | null): string {
  return date ? date.split('-').reverse().join('/') : '';
}

export function todayLocal(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
