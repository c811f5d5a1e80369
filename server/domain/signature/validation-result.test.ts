import { describe, expect, it } from 'vitest';
import { sealBox, formatVietnamTime, mm } from './appearance-geometry.ts';
import { REASON_LABELS, SIGNATURE_REASONS, statusFromReasons, summariseDocument, type SignatureValidation } from './validation-result.ts';

const signature = (reasons: SignatureValidation['reasons']): SignatureValidation => ({
  index: 1,
  fieldName: 'Signature1',
  status: statusFromReasons(reasons),
  reasons,
  signer: undefined,
  signingTime: undefined,
  subFilter: 'ETSI.CAdES.detached',
  coversWholeDocument: true,
});

describe('validation result rules', () => {
  it('missing revocation data is never VALID', () => {
    expect(statusFromReasons(['NO_REVOCATION_DATA'])).toBe('INDETERMINATE');
    expect(summariseDocument([signature([]), signature(['NO_REVOCATION_DATA'])]).status).toBe('INDETERMINATE');
  });

  it('any proven defect makes the document INVALID', () => {
    const doc = summariseDocument([signature(['NO_REVOCATION_DATA']), signature(['REVOKED'])]);
    expect(doc.status).toBe('INVALID');
    expect(doc.reasons).toEqual(['REVOKED', 'NO_REVOCATION_DATA']);
  });

  it('a document without signatures is not valid', () => {
    expect(summariseDocument([])).toMatchObject({ status: 'INDETERMINATE', reasons: ['NOT_SIGNED'] });
  });

  it('every reason has a Vietnamese label', () => {
    for (const reason of SIGNATURE_REASONS) expect(REASON_LABELS[reason]).toMatch(/\p{L}/u);
  });
});

describe('Decree 30 geometry', () => {
  it('places the seal at real size over the left third of the signer box, vertically centred', () => {
    const signer = { x: 370, y: 215, width: 120, height: 72 };
    const seal = sealBox(signer, 36);
    expect(seal.width).toBeCloseTo(mm(36));
    expect(seal.x + seal.width).toBeCloseTo(signer.x + signer.width / 3);
    expect(seal.y + seal.height / 2).toBeCloseTo(signer.y + signer.height / 2);
  });

  it('writes the signing time in Vietnam time with its offset', () => {
    expect(formatVietnamTime(new Date('2025-03-04T02:15:02Z'))).toBe('2025-03-04T09:15:02+07:00');
  });
});
