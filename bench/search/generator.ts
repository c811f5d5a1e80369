/**
 * Realistic Vietnamese document abstracts (trích yếu) for the search benchmark: document types with
 * their usual openings, actions, subject areas and place names of Bạc Liêu, periods; deterministic
 * for a given seed so two runs search the same corpus.
 */

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** [catalogue code, name, notation type part, how its abstract opens] */
export const TYPES = [
  ['decision', 'Quyết định', 'QĐ', 'Quyết định về việc'],
  ['official_letter', 'Công văn', '', 'V/v'],
  ['plan', 'Kế hoạch', 'KH', 'Kế hoạch'],
  ['report', 'Báo cáo', 'BC', 'Báo cáo'],
  ['notice', 'Thông báo', 'TB', 'Thông báo'],
  ['submission', 'Tờ trình', 'TTr', 'Tờ trình về việc'],
  ['invitation', 'Giấy mời', 'GM', 'Giấy mời dự họp'],
  ['guidance', 'Hướng dẫn', 'HD', 'Hướng dẫn'],
  ['directive', 'Chỉ thị', 'CT', 'Chỉ thị về việc'],
  ['resolution', 'Nghị quyết', 'NQ', 'Nghị quyết về'],
  ['programme', 'Chương trình', 'CTr', 'Chương trình'],
  ['minutes', 'Biên bản', 'BB', 'Biên bản'],
] as const;

const ACTIONS = [
  'phê duyệt', 'ban hành', 'triển khai', 'tổ chức', 'kiện toàn', 'thành lập', 'công nhận', 'giao chỉ tiêu',
  'phân bổ kinh phí', 'kiểm tra', 'tăng cường', 'đẩy mạnh', 'thực hiện', 'sơ kết', 'tổng kết', 'điều chỉnh',
  'bổ sung', 'hỗ trợ', 'rà soát', 'đánh giá', 'quy định', 'chấn chỉnh', 'thẩm định', 'nghiệm thu',
] as const;

const SUBJECTS = [
  'công tác phòng, chống dịch bệnh trên đàn gia cầm', 'dự án nâng cấp đê biển Đông', 'chương trình mục tiêu quốc gia xây dựng nông thôn mới',
  'cải cách hành chính', 'chuyển đổi số trong cơ quan nhà nước', 'quản lý, sử dụng đất đai', 'bảo vệ và phát triển rừng phòng hộ ven biển',
  'nuôi tôm siêu thâm canh công nghệ cao', 'phát triển điện gió ngoài khơi', 'bảo đảm trật tự an toàn giao thông', 'phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'tuyển dụng viên chức sự nghiệp giáo dục', 'thi đua, khen thưởng', 'giải quyết khiếu nại, tố cáo của công dân', 'tiếp công dân định kỳ',
  'vị trí việc làm và cơ cấu ngạch công chức', 'phòng, chống tham nhũng, tiêu cực', 'hỗ trợ hộ nghèo, hộ cận nghèo', 'bảo hiểm y tế học sinh, sinh viên',
  'sắp xếp đơn vị hành chính cấp xã', 'kiểm soát thủ tục hành chính', 'dạy nghề cho lao động nông thôn', 'chăm sóc sức khỏe người cao tuổi',
  'phòng, chống sốt xuất huyết', 'tiêm chủng mở rộng', 'xây dựng trường đạt chuẩn quốc gia', 'bảo tồn di tích Nọc Nạng', 'lễ hội dân gian Nghinh Ông',
  'phát triển du lịch sinh thái', 'vận động hiến máu tình nguyện', 'phòng, chống thiên tai và tìm kiếm cứu nạn', 'hạn mặn mùa khô',
  'thu ngân sách nhà nước', 'quyết toán vốn đầu tư công', 'đấu giá quyền sử dụng đất', 'cấp giấy chứng nhận quyền sử dụng đất',
  'quản lý chất lượng nước nuôi trồng thủy sản', 'sản xuất lúa - tôm bền vững', 'khai thác hải sản xa bờ', 'chống khai thác IUU',
  'bồi dưỡng cán bộ, công chức cấp xã', 'đào tạo, bồi dưỡng lý luận chính trị', 'bầu cử đại biểu Hội đồng nhân dân', 'công tác dân vận chính quyền',
  'văn hóa công sở', 'thực hành tiết kiệm, chống lãng phí', 'kiểm kê tài sản công', 'mua sắm tập trung', 'xử lý vi phạm hành chính về môi trường',
  'thu gom, xử lý rác thải sinh hoạt', 'cấp nước sạch nông thôn', 'nhà ở cho người có công với cách mạng', 'chi trả trợ cấp xã hội',
] as const;

const PLACES = [
  'tỉnh Bạc Liêu', 'thành phố Bạc Liêu', 'thị xã Giá Rai', 'huyện Hồng Dân', 'huyện Phước Long', 'huyện Vĩnh Lợi', 'huyện Hòa Bình',
  'huyện Đông Hải', 'phường 1', 'phường Nhà Mát', 'xã Vĩnh Trạch Đông', 'xã Hiệp Thành', 'xã Long Điền Tây', 'xã Ninh Quới A',
  'thị trấn Ngan Dừa', 'xã Phong Thạnh Đông', 'xã Vĩnh Hậu', 'xã Châu Thới', 'xã Lộc Ninh', 'xã Vĩnh Phú Đông', 'xã Điền Hải',
  'xã Gành Hào', 'xã Hưng Thành', 'xã Minh Diệu', 'xã Ninh Thạnh Lợi', 'xã Phước Long', 'xã Vĩnh Thanh', 'xã Tân Phong', 'xã Đông Đăng',
] as const;

const PERIODS = [
  'năm 2022', 'năm 2023', 'năm 2024', 'năm 2025', '6 tháng đầu năm 2024', 'quý III năm 2023', 'giai đoạn 2021 - 2025',
  'giai đoạn 2026 - 2030', 'tháng 10 năm 2024', 'đợt 1 năm 2024', 'mùa khô 2023 - 2024',
] as const;

export const ORGANS = [
  'Ủy ban nhân dân tỉnh Bạc Liêu', 'Văn phòng Ủy ban nhân dân tỉnh Bạc Liêu', 'Sở Nội vụ tỉnh Bạc Liêu', 'Sở Tài chính tỉnh Bạc Liêu',
  'Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu', 'Sở Tài nguyên và Môi trường tỉnh Bạc Liêu', 'Sở Y tế tỉnh Bạc Liêu',
  'Sở Giáo dục và Đào tạo tỉnh Bạc Liêu', 'Sở Kế hoạch và Đầu tư tỉnh Bạc Liêu', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bạc Liêu',
  'Sở Thông tin và Truyền thông tỉnh Bạc Liêu', 'Công an tỉnh Bạc Liêu', 'Ủy ban nhân dân huyện Hồng Dân', 'Ủy ban nhân dân huyện Phước Long',
  'Ủy ban nhân dân thị xã Giá Rai', 'Ủy ban nhân dân thành phố Bạc Liêu', 'Ủy ban nhân dân huyện Đông Hải', 'Bộ Nội vụ', 'Văn phòng Chính phủ',
] as const;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Châu', 'Lâm'] as const;
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Hoàng', 'Ngọc', 'Hữu'] as const;
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Phúc', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Vy', 'Khải', 'Nghĩa', 'Oanh'] as const;

export const OUTGOING_STATES = ['issued', 'issued', 'issued', 'issued', 'updated', 'recalled', 'drafting', 'in_review', 'awaiting_signature'] as const;
export const INCOMING_STATES = ['registered', 'assigned', 'in_progress', 'finished', 'finished', 'finished', 'filed_for_information', 'arrived'] as const;

export function signer(rand: Rand): string {
  return `${pick(rand, FAMILY)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
}

/** One abstract: "Kế hoạch triển khai chuyển đổi số trong cơ quan nhà nước tại huyện Hồng Dân năm 2024". */
export function abstract(rand: Rand, opening: string): string {
  const parts = [opening, pick(rand, ACTIONS), pick(rand, SUBJECTS)];
  const r = rand();
  if (r < 0.7) parts.push(`${rand() < 0.5 ? 'tại' : 'trên địa bàn'} ${pick(rand, PLACES)}`);
  if (rand() < 0.6) parts.push(pick(rand, PERIODS));
  if (r >= 0.85) parts.push(`và ${pick(rand, ACTIONS)} ${pick(rand, SUBJECTS)}`);
  return parts.join(' ');
}

/** Query phrases a clerk would type: a topic alone, with an action, with a place, or with a document type. */
export function queryPhrase(rand: Rand): string {
  const subject = pick(rand, SUBJECTS).replace(/,/g, '').split(' ');
  const start = Math.floor(rand() * Math.max(1, subject.length - 2));
  const words = subject.slice(start, start + 2 + Math.floor(rand() * 2));
  const kind = rand();
  // A quarter are broad (a two- or three-word topic matching thousands): the ranking's worst case.
  if (kind < 0.25) return words.join(' ');
  if (kind < 0.5) return [pick(rand, ACTIONS), ...words].join(' ');
  if (kind < 0.8) return [...words, pick(rand, PLACES).split(' ').slice(1).join(' ')].join(' ');
  return [pick(rand, TYPES)[1], ...words].join(' ');
}
