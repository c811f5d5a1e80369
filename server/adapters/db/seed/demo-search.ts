import { randomUUID } from 'node:crypto';
import type { SearchEntry } from '../../../app/ports/search-index.ts';
import type { TxPorts } from '../../../app/ports/unit-of-work.ts';
import { DOCUMENT_TYPES } from '../../../domain/document/document-types.ts';
import { documentReaders } from '../../../domain/search/readers.ts';

/**
 * DEMO DATA ONLY: search index entries with no document behind them, so the search page has
 * something to find before the outgoing and incoming modules write real entries. They are written
 * with the demo province (seed-demo.ts) and nowhere else; remove this file once real documents are
 * seeded. Their subjects are typical of Sở Nội vụ and Sở Tài chính.
 */
const SNV_DOCS: [string, string, string, string, string, 'incoming' | 'outgoing', string, string][] = [
  // subject, abbreviation, type name (its catalogue code is looked up), number, notation, kind, issued, organ
  ['Quyết định về việc công nhận xã Vĩnh Trạch Đông đạt chuẩn nông thôn mới nâng cao năm 2024', 'QĐ', 'Quyết định', '1520', 'QĐ-UBND', 'incoming', '2024-09-12', 'Ủy ban nhân dân tỉnh Bạc Liêu'],
  ['Kế hoạch tuyển dụng công chức cấp xã năm 2024', 'KH', 'Kế hoạch', '45', 'KH-SNV', 'outgoing', '2024-03-05', 'Sở Nội vụ tỉnh Bạc Liêu'],
  ['Về việc góp ý dự thảo Đề án sắp xếp đơn vị hành chính cấp xã giai đoạn 2023 - 2025', 'CV', 'Công văn', '812', 'SNV-TCBC', 'outgoing', '2024-06-18', 'Sở Nội vụ tỉnh Bạc Liêu'],
  ['Thông báo kết quả thi tuyển viên chức ngành giáo dục huyện Hồng Dân', 'TB', 'Thông báo', '27', 'TB-UBND', 'incoming', '2024-08-02', 'Ủy ban nhân dân huyện Hồng Dân'],
  ['Báo cáo công tác cải cách hành chính quý III năm 2024', 'BC', 'Báo cáo', '301', 'BC-SNV', 'outgoing', '2024-09-25', 'Sở Nội vụ tỉnh Bạc Liêu'],
  ['Hướng dẫn xác định vị trí việc làm và cơ cấu ngạch công chức', 'HD', 'Hướng dẫn', '08', 'HD-BNV', 'incoming', '2024-02-14', 'Bộ Nội vụ'],
  ['Tờ trình về việc bổ nhiệm Phó Giám đốc Sở Tài nguyên và Môi trường', 'TTr', 'Tờ trình', '112', 'TTr-SNV', 'outgoing', '2024-07-09', 'Sở Nội vụ tỉnh Bạc Liêu'],
  ['Giấy mời dự hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 tại thị xã Giá Rai', 'GM', 'Giấy mời', '95', 'GM-UBND', 'incoming', '2024-12-10', 'Ủy ban nhân dân thị xã Giá Rai'],
  ['Quyết định phê duyệt danh sách cán bộ đi đào tạo, bồi dưỡng lý luận chính trị', 'QĐ', 'Quyết định', '233', 'QĐ-SNV', 'outgoing', '2024-05-21', 'Sở Nội vụ tỉnh Bạc Liêu'],
  ['Về việc chấn chỉnh văn hóa công sở tại các cơ quan, đơn vị', 'CV', 'Công văn', '1204', 'UBND-NC', 'incoming', '2024-10-03', 'Ủy ban nhân dân tỉnh Bạc Liêu'],
];

const STC_DOCS: [string, string, string, string, string, 'incoming' | 'outgoing', string, string][] = [
  ['Quyết định giao dự toán thu, chi ngân sách nhà nước năm 2025', 'QĐ', 'Quyết định', '2210', 'QĐ-UBND', 'incoming', '2024-12-11', 'Ủy ban nhân dân tỉnh Bạc Liêu'],
  ['Về việc quyết toán vốn đầu tư công dự án kè biển Nhà Mát', 'CV', 'Công văn', '640', 'STC-ĐT', 'outgoing', '2024-08-29', 'Sở Tài chính tỉnh Bạc Liêu'],
];

function toEntry(agencyId: string, row: (typeof SNV_DOCS)[number], readers: SearchEntry['readers'], signerName: string): SearchEntry {
  const [subject, , name, codeNumber, codeNotation, kind, issuedDate, organName] = row;
  const code = DOCUMENT_TYPES.find((t) => t.name === name)!.code;
  return {
    agencyId, kind, documentId: randomUUID(), subject, codeNumber, codeNotation, documentType: { code, name },
    issuedDate, arrivalDate: kind === 'incoming' ? issuedDate : null, organName, registerId: null,
    status: kind === 'incoming' ? 'registered' : 'issued', signerName, urgency: 'normal', readers, mainFileSha256: null,
  };
}

/** Writes the demo entries for Sở Nội vụ and Sở Tài chính (clerks and leaders read them; one is the specialist's draft). */
export async function seedDemoSearch(tx: TxPorts, agencies: { snv: string; stc: string }, specialistId: string | undefined): Promise<number> {
  const readers = documentReaders('incoming', { registeredOrIssued: true });
  const entries = [
    ...SNV_DOCS.map((row) => toEntry(agencies.snv, row, readers, row[5] === 'outgoing' ? 'Huỳnh Văn Đức' : 'Phạm Văn Chủ')),
    ...STC_DOCS.map((row) => toEntry(agencies.stc, row, readers, row[5] === 'outgoing' ? 'Hồ Văn Chính' : 'Phạm Văn Chủ')),
  ];
  if (specialistId) {
    entries.push({
      ...toEntry(agencies.snv, ['Dự thảo Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2025', 'KH', 'Kế hoạch', '', '', 'outgoing', '2024-12-01', 'Sở Nội vụ tỉnh Bạc Liêu'], documentReaders('outgoing', { registeredOrIssued: false, userIds: [specialistId] }), ''),
      codeNumber: null, codeNotation: null, issuedDate: null, status: 'drafting', signerName: null,
    });
  }
  for (const e of entries) await tx.searchIndex.upsert(e);
  return entries.length;
}
