import { createPrivateKey } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type {
  AttachmentSignatureInput,
  DocumentSigning,
  OrganisationSignatureInput,
  PersonalSignatureInput,
  StampValues,
} from '../../app/ports/document-signing.ts';
import type { Signer, SigningIdentity } from '../../app/ports/signer.ts';
import { AppError, ErrorCode, notFound } from '../../app/errors.ts';
import {
  DEFAULT_SEAL_DIAMETER_MM,
  formatVietnamTime,
  sealBox,
  STAMP_FIELD_NAMES,
  stampFieldBoxes,
} from '../../domain/signature/appearance-geometry.ts';
import { signerBoxError, signerBoxPageIndex, type SignerBox } from '../../domain/signature/signer-box.ts';
import type { DocumentValidation } from '../../domain/signature/validation-result.ts';
import { signXmlBytes } from '../hub/xml-signature.ts';
import { pem } from './bytes.ts';
import type { DemoKeyIssuer } from './ca/demo-key-issuer.ts';
import type { KeyEncryptionKey } from './keys/key-encryption.ts';
import { keyAad, type KeyStore } from './keys/key-store.ts';
import { signPdf } from './pades/sign-pdf.ts';
import { addStampFields, fillStampFields } from './pades/stamp-fields.ts';
import { defaultSignerBox, lastSignatureBox } from './pades/stamp-positions.ts';
import { SIGNER_ROLES, type SigningAgency, type SigningDirectory } from './signing-directory.ts';
import type { CrlSource } from './validation/crl-fetcher.ts';
import type { TrustSource } from './validation/trust-material.ts';
import { validatePdf } from './validation/validate-pdf.ts';

/** Seal and signature images (PNG); undefined means "draw the generated fallback". */
export interface SigningImages {
  signatureImage(agencyId: string, userId: string, at: Date): Promise<Uint8Array | undefined>;
  sealImage(agencyId: string, at: Date): Promise<{ png: Uint8Array; diameterMm?: number } | undefined>;
}

export const NO_IMAGES: SigningImages = {
  signatureImage: async () => undefined,
  sealImage: async () => undefined,
};

export interface DocumentSigningDeps {
  signer: Signer;
  keyStore: KeyStore;
  kek: KeyEncryptionKey;
  directory: SigningDirectory;
  trust: TrustSource;
  crlSource?: CrlSource;
  images: SigningImages;
  now: () => Date;
  /** Demo and test mode: missing keys are issued by the built-in test CA on first use. */
  demoIssuer?: DemoKeyIssuer;
}

/**
 * The DocumentSigning port (app/ports/document-signing.ts) over PAdES signing with the Signer
 * port, the Decree 30 appearance, the stamp fields and the validator. One instance serves every
 * request; keys are decrypted once and reused.
 */
export class PadesDocumentSigning implements DocumentSigning {
  readonly #xmlKeys = new Map<string, { privateKeyPem: string; certificatePem: string }>();

  constructor(private readonly deps: DocumentSigningDeps) {}

  get signer(): Signer {
    return this.deps.signer;
  }

  /** After a key was replaced: decrypted XML signing keys are dropped. */
  forgetXmlKeys(): void {
    this.#xmlKeys.clear();
  }

  async placeStampFields(pdf: Uint8Array, options: { signerBox?: SignerBox | null } = {}): Promise<Uint8Array> {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
    if (options.signerBox) checkBox(doc, options.signerBox);
    const existing = fieldNames(doc);
    if (existing.has(STAMP_FIELD_NAMES.number) && existing.has(STAMP_FIELD_NAMES.dateLine)) return pdf;
    const boxes = stampFieldBoxes(doc.getPage(0).getSize());
    return addStampFields(pdf, [
      ...(existing.has(STAMP_FIELD_NAMES.number) ? [] : [{ name: STAMP_FIELD_NAMES.number, page: 0, box: boxes.number }]),
      ...(existing.has(STAMP_FIELD_NAMES.dateLine) ? [] : [{ name: STAMP_FIELD_NAMES.dateLine, page: 0, box: boxes.dateLine }]),
    ]);
  }

  async signPersonal(input: PersonalSignatureInput): Promise<Uint8Array> {
    const agency = await this.#agency(input.agencyCode);
    const person = await this.deps.directory.person(agency.id, input.username);
    if (!person) throw notFound('Người ký');
    const identity: SigningIdentity = { kind: 'personal', agencyCode: agency.code, username: person.username };
    if (!(await this.deps.keyStore.get(identity))) {
      const competent = person.roles.some((r) => (SIGNER_ROLES as readonly string[]).includes(r));
      if (!this.deps.demoIssuer || !competent) throw noKey(`${person.fullName} (${agency.name})`);
      await this.deps.demoIssuer.ensure(identity, agencyEntry(agency), { username: person.username, fullName: person.fullName, agencyCode: agency.code });
    }
    const signingTime = input.signingTime ?? this.deps.now();
    const doc = await PDFDocument.load(input.pdf, { updateMetadata: false, ignoreEncryption: true });
    if (input.box) checkBox(doc, input.box);
    const page = input.box ? signerBoxPageIndex(input.box, doc.getPageCount()) : input.pageIndex ?? doc.getPageCount() - 1;
    if (page < 0 || page >= doc.getPageCount()) throw new AppError(ErrorCode.VALIDATION_FAILED, `Trang ${page + 1} không có trong tệp (tệp có ${doc.getPageCount()} trang)`);
    const box = input.box ? { x: input.box.x, y: input.box.y, width: input.box.width, height: input.box.height } : defaultSignerBox(doc.getPage(page).getSize());
    const image = await this.deps.images.signatureImage(agency.id, person.id, signingTime);
    return signPdf({
      pdf: input.pdf,
      signer: this.deps.signer,
      identity,
      signingTime,
      reason: 'Ký ban hành',
      ...(input.description ? { description: input.description } : {}),
      appearance: {
        kind: 'signature-image',
        page,
        box,
        signerName: person.fullName,
        ...(image ? { imagePng: image } : {}),
      },
    });
  }

  async fillStampFields(pdf: Uint8Array, values: StampValues): Promise<Uint8Array> {
    return fillStampFields(pdf, { [STAMP_FIELD_NAMES.number]: values.number, [STAMP_FIELD_NAMES.dateLine]: values.dateLine });
  }

  async signOrganisation(input: OrganisationSignatureInput): Promise<Uint8Array> {
    const agency = await this.#organisationKey(input.agencyCode);
    const signingTime = input.signingTime ?? this.deps.now();
    const seal = await this.deps.images.sealImage(agency.id, signingTime);
    const signer = await lastSignatureBox(input.pdf);
    let anchor = signer && (input.pageIndex === undefined || input.pageIndex === signer.page) ? signer : undefined;
    if (!anchor) {
      const doc = await PDFDocument.load(input.pdf, { updateMetadata: false, ignoreEncryption: true });
      const page = input.pageIndex ?? doc.getPageCount() - 1;
      if (page < 0 || page >= doc.getPageCount()) throw new AppError(ErrorCode.VALIDATION_FAILED, `Trang ${page + 1} không có trong tệp (tệp có ${doc.getPageCount()} trang)`);
      anchor = { page, box: defaultSignerBox(doc.getPage(page).getSize()) };
    }
    return signPdf({
      pdf: input.pdf,
      signer: this.deps.signer,
      identity: { kind: 'organisation', agencyCode: agency.code },
      signingTime,
      reason: 'Ký số của cơ quan, tổ chức',
      appearance: {
        kind: 'seal',
        page: anchor.page,
        box: sealBox(anchor.box, seal?.diameterMm ?? DEFAULT_SEAL_DIAMETER_MM),
        agencyName: agency.name,
        ...(agency.parentName ? { parentAgencyName: agency.parentName } : {}),
        ...(seal ? { imagePng: seal.png } : {}),
      },
    });
  }

  async signAttachment(input: AttachmentSignatureInput): Promise<Uint8Array> {
    const agency = await this.#organisationKey(input.agencyCode);
    const signingTime = input.signingTime ?? this.deps.now();
    return signPdf({
      pdf: input.pdf,
      signer: this.deps.signer,
      identity: { kind: 'organisation', agencyCode: agency.code },
      signingTime,
      reason: 'Ký số của cơ quan, tổ chức',
      appearance: { kind: 'text', lines: [input.numberAndNotation, formatVietnamTime(signingTime)] },
    });
  }

  async validate(pdf: Uint8Array): Promise<DocumentValidation> {
    return validatePdf(pdf, await this.deps.trust.load(), {
      now: this.deps.now(),
      ...(this.deps.crlSource ? { crlSource: this.deps.crlSource } : {}),
    });
  }

  async signPackageXml(xml: Buffer, agencyCode: string): Promise<Buffer> {
    const agency = await this.#organisationKey(agencyCode);
    const identity: SigningIdentity = { kind: 'organisation', agencyCode: agency.code };
    const record = await this.deps.keyStore.get(identity);
    if (!record) throw noKey(agency.name);
    // Keyed by the stored ciphertext: a key replaced meanwhile (here or in another process) is never used stale.
    const cacheKey = `${agency.code}|${record.key.iv}`;
    let pems = this.#xmlKeys.get(cacheKey);
    if (!pems) {
      const pkcs8 = this.deps.kek.decrypt(record.key, record.aad ?? keyAad(identity));
      try {
        const privateKeyPem = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
        pems = { privateKeyPem, certificatePem: pem('CERTIFICATE', Buffer.from(record.certificateChain[0]!, 'base64')) };
      } finally {
        pkcs8.fill(0);
      }
      if (this.#xmlKeys.size > 200) this.#xmlKeys.clear();
      this.#xmlKeys.set(cacheKey, pems);
    }
    return signXmlBytes(xml, pems);
  }

  async #agency(code: string): Promise<SigningAgency> {
    const agency = await this.deps.directory.agency(code);
    if (!agency) throw notFound(`Cơ quan mã ${code}`);
    return agency;
  }

  /** The agency, with its organisation key present (issued on first use in demo mode). */
  async #organisationKey(code: string): Promise<SigningAgency> {
    const agency = await this.#agency(code);
    const identity: SigningIdentity = { kind: 'organisation', agencyCode: agency.code };
    if (!(await this.deps.keyStore.get(identity))) {
      if (!this.deps.demoIssuer) throw noKey(agency.name);
      await this.deps.demoIssuer.ensure(identity, agencyEntry(agency));
    }
    return agency;
  }
}

function agencyEntry(agency: SigningAgency): { code: string; name: string; parentName?: string } {
  return { code: agency.code, name: agency.name, ...(agency.parentName ? { parentName: agency.parentName } : {}) };
}

/** The box against this file's pages; a clear sentence (field signerBox) when it does not fit. */
function checkBox(doc: PDFDocument, box: SignerBox): void {
  const error = signerBoxError(box, doc.getPages().map((p) => p.getSize()));
  if (error) throw new AppError(ErrorCode.VALIDATION_FAILED, error, { field: 'signerBox' });
}

function noKey(whose: string): AppError {
  return new AppError(ErrorCode.SIGNING_NO_KEY, `Chưa có chứng thư số và khóa ký của ${whose}: quản trị cơ quan cần nhập tệp PKCS#12`);
}

function fieldNames(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const name = fields!.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (name) names.add(name.decodeText());
  }
  return names;
}
