/** "Số 15/QĐ-UBND · 01/03/2024" for a result or a suggestion. */
export function numberLine(d: { codeNumber: string | null; codeNotation: string | null; issuedDate: string | null }): string {
  const parts: string[] = [];
  if (d.codeNumber || d.codeNotation) parts.push(`Số ${[d.codeNumber, d.codeNotation].filter(Boolean).join('/')}`);
  if (d.issuedDate) parts.push(vietnameseDate(d.issuedDate));
  return parts.join(' · ');
}

/** YYYY-MM-DD → DD/MM/YYYY. */
export function vietnameseDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
