/** Test helpers: the shared spec samples (read from ../shared/spec/samples beside the repo) and a draft package. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { BuildDocumentInput } from '../edxml/build-document.ts';
import { ExchangeRefusal } from '../../../domain/exchange/refusal.ts';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the test file');
    dir = up;
  }
  return dir;
}

export const SAMPLES_DIR = resolve(repoRoot(), '../shared/spec/samples');

export function sample(name: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, name));
}

export function sampleText(name: string): string {
  return sample(name).toString('utf8');
}

/** The PDF inside document-package.xml (C22). */
export const SAMPLE_PDF_SHA256 = '9bae58665b5b043e7a646a02e030e82f368b9018e0127264b8792d8a168bf983';

/** Runs `fn` and returns the refusal it throws (failing the test if it throws anything else or nothing). */
export function refusalOf(fn: () => unknown): ExchangeRefusal {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ExchangeRefusal);
    return e as ExchangeRefusal;
  }
  throw new Error('expected an ExchangeRefusal, nothing was thrown');
}

export function draftPackage(overrides: Partial<BuildDocumentInput> = {}): BuildDocumentInput {
  return {
    packageId: '0b7c2a52-5d7e-4f0a-9a51-2f8f3f3c9d11',
    MessageHeader: {
      From: { OrganId: '000.00.12.H99', OrganizationInCharge: 'UBND tỉnh Minh Họa', OrganName: 'Sở Xây dựng', OrganAdd: 'Số 12 đường Ví Dụ' },
      To: [
        { OrganId: '000.00.31.H99', OrganName: 'UBND huyện Ví Dụ' },
        { OrganId: '000.00.32.H99', OrganName: 'UBND huyện Mẫu' },
      ],
      Code: { CodeNumber: '125', CodeNotation: 'SXD-QLXD' },
      PromulgationInfo: { Place: 'Minh Họa', PromulgationDate: '2025/03/04' },
      DocumentType: { TypeName: 'Công văn' },
      Subject: 'V/v kiểm tra an toàn công trình <xây dựng> & "mùa mưa bão"',
      Content: 'Đề nghị kiểm tra.',
      SignerInfo: { Competence: 'KT. GIÁM ĐỐC', Position: 'Phó Giám đốc', FullName: 'Nguyễn Văn Mẫu' },
      DueDate: '2025/03/14',
      ToPlaces: ['Như trên', 'Lưu: VT, QLXD'],
      OtherInfo: { Priority: '1', SphereOfPromulgation: 'Công khai', TyperNotation: 'TTH', PromulgationAmount: '3', PageAmount: '1' },
    },
    TraceHeader: [{ OrganId: '000.00.12.H99', Timestamp: '2025/03/04 09:15:00' }],
    Bussiness: { BussinessDocType: '0', StaffInfo: { Department: 'Văn thư', Staff: 'Trần Thị Thử' }, Paper: '0' },
    attachments: [
      {
        ContentId: 'cid:21e11f5a-466c-4fdf-a96a-234e3483d6e7',
        AttachmentName: '125-SXD-QLXD.pdf',
        ContentType: 'application/pdf',
        Description: 'Văn bản chính',
        bytes: Buffer.from('%PDF-1.4\n% test file\n'.repeat(50)),
      },
    ],
    ...overrides,
  };
}
