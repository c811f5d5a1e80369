import type { RegisterLine } from '../../app/incoming/find-register-rows.ts';

/** The incoming register's columns (Decree 30 App. IV §VI), in order, with their Vietnamese headings. */
export const INCOMING_REGISTER_COLUMNS: { key: keyof RegisterLine; heading: string; width: number }[] = [
  { key: 'arrivalDate', heading: 'Ngày đến', width: 13 },
  { key: 'arrivalNumber', heading: 'Số đến', width: 7 },
  { key: 'author', heading: 'Tác giả', width: 24 },
  { key: 'numberNotation', heading: 'Số, ký hiệu', width: 14 },
  { key: 'documentDate', heading: 'Ngày tháng', width: 13 },
  { key: 'typeAndAbstract', heading: 'Tên loại và trích yếu nội dung', width: 36 },
  { key: 'passedTo', heading: 'Đơn vị hoặc người nhận', width: 20 },
  { key: 'passedOn', heading: 'Ngày chuyển', width: 14 },
  { key: 'receipt', heading: 'Ký nhận', width: 20 },
  { key: 'note', heading: 'Ghi chú', width: 14 },
];
