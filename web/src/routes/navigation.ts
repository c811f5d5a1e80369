/** The left navigation, built from the abilities /api/auth/me returns: what a user cannot do is not shown. */
export interface NavItem {
  to: string;
  label: string;
  /** Shown when the user holds any of these permissions; absent = every signed-in user. */
  anyOf?: string[];
  /** Scopes of those permissions that do not open the item (a clerk's report.agency covers registers only). */
  exceptScopes?: string[];
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
      { to: '/tim-kiem', label: 'Tìm kiếm văn bản', anyOf: ['document.search'] },
      { to: '/cong-viec', label: 'Tình hình xử lý văn bản', anyOf: ['report.agency'], exceptScopes: ['registers'] },
      { to: '/kiem-tra-chu-ky', label: 'Kiểm tra chữ ký số', anyOf: ['signature.validate'] },
    ],
  },
  {
    title: 'Văn bản đến',
    items: [
      { to: '/van-ban-den', label: 'Văn bản đến', anyOf: ['incoming.register', 'incoming.direct', 'assignment.work', 'assignment.pass'] },
      { to: '/viec-cua-toi', label: 'Việc của tôi', anyOf: ['incoming.direct', 'assignment.work', 'assignment.pass', 'extension.request'] },
      { to: '/van-ban-noi-bo', label: 'Văn bản nội bộ', anyOf: ['draft.create', 'assignment.work'] },
      { to: '/so-van-ban-den', label: 'Sổ văn bản đến', anyOf: ['register.read'] },
      { to: '/yeu-cau-chua-khop', label: 'Yêu cầu thu hồi chưa khớp', anyOf: ['incoming.register'] },
      { to: '/ho-so-cong-viec', label: 'Hồ sơ công việc', anyOf: ['casefile.manage'] },
      { to: '/uy-quyen', label: 'Ủy quyền khi vắng mặt', anyOf: ['delegation.manage'] },
    ],
  },
  {
    title: 'Văn bản đi',
    items: [
      { to: '/van-ban-di', label: 'Văn bản đi', anyOf: ['draft.create', 'draft.review', 'document.sign', 'document.issue'], end: true },
      { to: '/van-ban-di/moi', label: 'Soạn văn bản mới', anyOf: ['draft.create'] },
      { to: '/van-ban-di/so', label: 'Sổ văn bản đi', anyOf: ['register.read'] },
    ],
  },
  {
    title: 'Giám sát',
    items: [
      { to: '/giam-sat', label: 'Giám sát toàn tỉnh', anyOf: ['report.province'], end: true },
      { to: '/giam-sat/bao-cao', label: 'Báo cáo đánh giá', anyOf: ['report.province'] },
    ],
  },
  {
    title: 'Quản trị',
    items: [
      { to: '/nguoi-dung', label: 'Quản trị người dùng', anyOf: ['user.manage'] },
      { to: '/co-quan/nhap-xuat', label: 'Nhập, xuất danh bạ (CSV)', anyOf: ['directory.manage'] },
      { to: '/chu-ky-so', label: 'Chữ ký số của cơ quan', anyOf: ['agency.configure'] },
      { to: '/tham-quyen-ky', label: 'Thẩm quyền ký', anyOf: ['agency.configure'] },
      { to: '/han-xu-ly', label: 'Hạn xử lý văn bản đến', anyOf: ['agency.configure'] },
      { to: '/nguon-tin-cay', label: 'Nguồn tin cậy chữ ký số', anyOf: ['hub.operate'] },
      { to: '/truc-lien-thong', label: 'Trục liên thông', anyOf: ['hub.operate'] },
      { to: '/lich-lam-viec', label: 'Lịch làm việc', anyOf: ['hub.operate'] },
      { to: '/tam-dung-nhan', label: 'Tạm dừng nhận văn bản', anyOf: ['hub.operate'] },
    ],
  },
  {
    title: 'Tài khoản',
    items: [{ to: '/doi-mat-khau', label: 'Đổi mật khẩu' }],
  },
];

export function visibleNav(abilities: Record<string, string>, nav: NavSection[] = NAV): NavSection[] {
  return nav
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.anyOf || item.anyOf.some((p) => abilities[p] !== undefined && !item.exceptScopes?.includes(abilities[p]))) }))
    .filter((section) => section.items.length > 0);
}
