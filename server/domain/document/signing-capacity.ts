import type { Role } from '../access/roles.ts';

/** Signing capacity markers (domain.md §5.3, Decree 30 Art. 13). */
export const CAPACITY_MARKERS = ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;
export type CapacityMarker = (typeof CAPACITY_MARKERS)[number];

export interface CapacityGrant {
  capacity: CapacityMarker;
  /** Types it covers; null: every type. */
  typeCodes: readonly string[] | null;
  /** YYYY-MM-DD, inclusive; null: open. TUQ. always has both and a reference. */
  validFrom: string | null;
  validUntil: string | null;
}

/** The marker of a capacity line such as "KT. GIÁM ĐỐC", or null for a head signing in their own name. */
export function markerOf(capacity: string | null): CapacityMarker | null {
  if (!capacity) return null;
  return CAPACITY_MARKERS.find((m) => capacity.startsWith(`${m} `)) ?? null;
}

/** `date` null (a draft, not yet signed): validity is checked when signing. */
function covers(g: CapacityGrant, typeCode: string, date: string | null): boolean {
  if (!(g.typeCodes === null || g.typeCodes.includes(typeCode))) return false;
  return date === null || ((g.validFrom === null || g.validFrom <= date) && (g.validUntil === null || date <= g.validUntil));
}

/**
 * Who may sign in which capacity (domain.md §4.1, §5.3): the head (leader) signs in their own name or
 * "TM." for a collective body; a deputy signs "KT." (or "Q." when the agency recorded them as acting
 * head); a unit head signs only "TL." or "TUQ." under a grant of the agency covering the type — a TUQ.
 * authorisation also only within its validity. Returns the refusal sentence, or null when allowed.
 */
export function capacityRefusal(input: { roles: readonly Role[]; capacity: string | null; typeCode: string; date: string | null; grants: readonly CapacityGrant[]; signerName: string }): string | null {
  const marker = markerOf(input.capacity);
  const { roles, signerName } = input;
  const granted = (m: CapacityMarker) => input.grants.some((g) => g.capacity === m && covers(g, input.typeCode, input.date));
  const isLeader = roles.includes('leader');
  const isDeputy = roles.includes('deputy_leader');
  switch (marker) {
    case null:
      return isLeader ? null : `${signerName} không phải người đứng đầu nên phải ký với thẩm quyền: cấp phó ký "KT.", trưởng đơn vị ký "TL." hoặc "TUQ.".`;
    case 'TM.':
      return isLeader ? null : `Chỉ người đứng đầu ký "TM." thay mặt tập thể; ${signerName} không phải người đứng đầu.`;
    case 'KT.':
      return isDeputy ? null : `Chỉ cấp phó ký "KT." (ký thay người đứng đầu); ${signerName} không phải cấp phó.`;
    case 'Q.':
      return (isLeader || isDeputy) && granted('Q.') ? null : `${signerName} không được cơ quan giao quyền người đứng đầu nên không ký "Q." được.`;
    case 'TL.':
      return granted('TL.') ? null : `${signerName} không được giao ký "TL." (thừa lệnh) loại văn bản này.`;
    case 'TUQ.':
      return granted('TUQ.') ? null : `${signerName} không có giấy ủy quyền còn hiệu lực cho loại văn bản này ${input.date ? `vào ngày ${input.date.split('-').reverse().join('/')}` : ''} nên không ký "TUQ." được.`;
  }
}
