/** "05/01/2026 09:15:02 (giờ Việt Nam)": signing times as Vietnamese readers expect them. */
export function formatSigningTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 19)}`;
}

/** "05/01/2026" from an ISO instant or date. */
export function formatDay(iso: string): string {
  const t = iso.length === 10 ? iso : new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`;
}
