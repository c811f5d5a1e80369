/** Role codes (domain.md §4.1) with their Vietnamese names for the UI. */
export const ROLES = [
  'clerk',
  'leader',
  'deputy_leader',
  'head_of_unit',
  'specialist',
  'agency_admin',
  'provincial_supervisor',
  'system_operator',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: 'Văn thư',
  leader: 'Lãnh đạo',
  deputy_leader: 'Cấp phó',
  head_of_unit: 'Lãnh đạo đơn vị',
  specialist: 'Chuyên viên',
  agency_admin: 'Quản trị cơ quan',
  provincial_supervisor: 'Giám sát cấp tỉnh',
  system_operator: 'Quản trị hệ thống',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
