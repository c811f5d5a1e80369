/** The left navigation, built from the abilities /api/auth/me returns: what a user cannot do is not shown. */
export interface NavItem {
  to: string;
  label: string;
  /** Shown when the user holds any of these permissions; absent = every signed-in user. */
  anyOf?: string[];
  end?: boolean;
}

export interface NavSection {
  title: string;
  items: NavItem[];
}

export const NAV: NavSection[] = [
  {
    title: 'Chung',
    items: [
      { to: '/', label: 'Trang chủ', end: true },
      { to: '/co-quan', label: 'Danh bạ cơ quan', anyOf: ['directory.read', 'directory.manage'] },
    ],
  },
  {
    title: 'Văn bản đến',
    items: [
      { to: '/van-ban-den', label: 'Văn bản đến', anyOf: ['incoming.register', 'incoming.direct', 'assignment.work', 'assignment.pass'] },
      { to: '/viec-cua-toi', label: 'Việc của tôi', anyOf: ['incoming.direct', 'assignment.work', 'assignment.pass', 'extension.request'] },
      { to: '/so-van-ban-den', label: 'Sổ văn bản đến', anyOf: ['register.read'] },
    ],
  },
  {
    title: 'Quản trị',
    items: [
      { to: '/nguoi-dung', label: 'Quản trị người dùng', anyOf: ['user.manage'] },
      { to: '/co-quan/nhap-xuat', label: 'Nhập, xuất danh bạ (CSV)', anyOf: ['directory.manage'] },
    ],
  },
  {
    title: 'Tài khoản',
    items: [{ to: '/doi-mat-khau', label: 'Đổi mật khẩu' }],
  },
];

export function visibleNav(abilities: Record<string, string>, nav: NavSection[] = NAV): NavSection[] {
  return nav
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.anyOf || item.anyOf.some((p) => abilities[p] !== undefined)) }))
    .filter((section) => section.items.length > 0);
}
