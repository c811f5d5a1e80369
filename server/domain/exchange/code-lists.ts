/**
 * Code lists of the document package (exchange.md §2.4). Values are wire strings and round-trip
 * exactly; unknown values read from others are kept raw and flagged by the readers.
 */

export const BUSSINESS_DOC_TYPES = ['0', '1', '2', '3'] as const;
export type BussinessDocType = (typeof BUSSINESS_DOC_TYPES)[number];
export const BUSSINESS_DOC_TYPE_NAMES: Readonly<Record<BussinessDocType, string>> = {
  '0': 'Văn bản mới',
  '1': 'Thu hồi',
  '2': 'Cập nhật',
  '3': 'Thay thế',
};
/** Customary `BussinessDocReason` openings (§2.5). */
export const BUSSINESS_DOC_REASONS: Readonly<Record<BussinessDocType, string>> = {
  '0': 'Văn bản điện tử mới',
  '1': 'Thu hồi văn bản điện tử',
  '2': 'Cập nhật văn bản điện tử',
  '3': 'Văn bản thay thế',
};
export function isBussinessDocType(v: string): v is BussinessDocType {
  return (BUSSINESS_DOC_TYPES as readonly string[]).includes(v);
}

/** Priority: lienthong emits only 0–3 (Decree 30 knows three urgency levels). */
export const EMITTED_PRIORITIES = ['0', '1', '2', '3'] as const;
export type Priority = (typeof EMITTED_PRIORITIES)[number];
export const PRIORITY_NAMES: Readonly<Record<Priority | '4', string>> = {
  '0': 'Thường',
  '1': 'Khẩn',
  '2': 'Thượng khẩn',
  '3': 'Hỏa tốc',
  '4': 'Hỏa tốc hẹn giờ',
};

export interface PriorityReading {
  /** The value as received, trimmed. */
  readonly raw: string;
  /** The urgency it means, or `null` when unknown (stored raw, flagged, not refused). */
  readonly level: Priority | null;
  readonly note?: 'hẹn giờ';
  readonly flagged: boolean;
}

/** Reads `OtherInfo/Priority` (§2.4, C19): `4` is Hỏa tốc with a "hẹn giờ" note. */
export function readPriority(raw: string): PriorityReading {
  const v = raw.trim();
  if ((EMITTED_PRIORITIES as readonly string[]).includes(v)) return { raw: v, level: v as Priority, flagged: false };
  if (v === '4') return { raw: v, level: '3', note: 'hẹn giờ', flagged: false };
  return { raw: v, level: null, flagged: true };
}

export const STEERING_TYPES = ['0', '1', '2'] as const;
export type SteeringType = (typeof STEERING_TYPES)[number];
export const STEERING_TYPE_NAMES: Readonly<Record<SteeringType, string>> = {
  '0': 'Không phải văn bản chỉ đạo',
  '1': 'Văn bản chỉ đạo',
  '2': 'Báo cáo văn bản chỉ đạo',
};

/** `Bussiness/Paper`: 0 no paper copy, 1 a paper copy is also sent. */
export const PAPER_VALUES = ['0', '1'] as const;
/** `Receiver/ReceiverType`: 0 removed from the receivers, 1 added. */
export const RECEIVER_TYPES = ['0', '1'] as const;

/** Decree 30 Art. 7 kinds of administrative document, by ordinal (`DocumentType/Type`, §2.4). */
export const DOCUMENT_KIND_ORDINALS: readonly (readonly [number, string])[] = [
  [1, 'Nghị quyết'],
  [2, 'Quyết định'],
  [3, 'Chỉ thị'],
  [4, 'Quy chế'],
  [5, 'Quy định'],
  [6, 'Thông cáo'],
  [7, 'Thông báo'],
  [8, 'Hướng dẫn'],
  [9, 'Chương trình'],
  [10, 'Kế hoạch'],
  [11, 'Phương án'],
  [12, 'Đề án'],
  [13, 'Dự án'],
  [14, 'Báo cáo'],
  [15, 'Biên bản'],
  [16, 'Tờ trình'],
  [17, 'Hợp đồng'],
  [18, 'Công văn'],
  [19, 'Công điện'],
  [20, 'Bản ghi nhớ'],
  [21, 'Bản thỏa thuận'],
  [22, 'Giấy ủy quyền'],
  [23, 'Giấy mời'],
  [24, 'Giấy giới thiệu'],
  [25, 'Giấy nghỉ phép'],
  [26, 'Phiếu gửi'],
  [27, 'Phiếu chuyển'],
  [28, 'Phiếu báo'],
  [29, 'Thư công'],
];

/**
 * The `Type` lienthong emits for a kind name: its Decree 30 ordinal, or `0` for kinds outside the
 * list (Luật, Nghị định, Thông tư …). Comparison ignores case and Unicode normalisation.
 */
export function documentTypeOrdinal(typeName: string): number {
  const key = typeName.normalize('NFC').trim().toLocaleLowerCase('vi');
  for (const [ordinal, name] of DOCUMENT_KIND_ORDINALS) {
    if (name.normalize('NFC').toLocaleLowerCase('vi') === key) return ordinal;
  }
  return 0;
}

/** Emission length limits (§2.2, from Decree 30's metadata table); readers flag, never truncate. */
export const EMISSION_LENGTH_LIMITS = {
  CodeNumber: 11,
  CodeNotation: 30,
  TypeName: 100,
  Subject: 500,
  OrganName: 200,
  Position: 100,
  FullName: 50,
  PageAmount: 3,
  ToPlaces: 1000,
} as const;
