import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PDFDocument } from 'pdf-lib';
import type { SigningIdentity } from '../../../app/ports/signer.ts';
import {
  DEFAULT_SEAL_DIAMETER_MM,
  formatVietnamTime,
  mm,
  sealBox,
  type Box,
} from '../../../domain/signature/appearance-geometry.ts';
import { REASON_LABELS, STATUS_LABELS, type DocumentValidation } from '../../../domain/signature/validation-result.ts';
import { fileSigning } from '../../../adapters/signing/file-signing.ts';
import type { AppearanceSpec } from '../../../adapters/signing/pades/appearance.ts';
import { certificateSummary } from '../../../adapters/signing/pades/certificate-summary.ts';
import { signPdf } from '../../../adapters/signing/pades/sign-pdf.ts';
import { defaultSignerBox, lastSignatureBox } from '../../../adapters/signing/pades/stamp-positions.ts';
import { validatePdf } from '../../../adapters/signing/validation/validate-pdf.ts';

/** `lienthong pdf verify` and `pdf sign`: check and sign PDFs outside the app, with the file key store. */

export function formatValidation(file: string, result: DocumentValidation): string {
  const lines = [`${file}: ${STATUS_LABELS[result.status]} (${result.status})`];
  for (const s of result.signatures) {
    const who = s.signer ? `${s.signer.commonName}${s.signer.organisation && s.signer.organisation !== s.signer.commonName ? ` — ${s.signer.organisation}` : ''}` : 'không rõ người ký';
    const when = s.signingTime ? formatVietnamTime(new Date(s.signingTime)) : 'không rõ thời điểm';
    lines.push(`  #${s.index} ${s.status.padEnd(13)} ${who}, ký lúc ${when}${s.fieldName ? ` [${s.fieldName}]` : ''}`);
    for (const reason of s.reasons) lines.push(`       ${reason}: ${REASON_LABELS[reason]}`);
  }
  if (result.signatures.length === 0) lines.push(`  ${REASON_LABELS.NOT_SIGNED}`);
  return lines.join('\n');
}

function parseBox(value: string): Box {
  const parts = value.split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw new Error(`--box phải là x,y,rộng,cao (mm), nhận "${value}"`);
  const [x, y, width, height] = parts.map(mm) as [number, number, number, number];
  return { x, y, width, height };
}

interface SignOptions {
  agency: string;
  signer?: string;
  dir?: string;
  page?: string;
  box?: string;
  image?: string;
  sealDiameter?: string;
  attachment?: string;
  reason?: string;
}

async function appearanceFor(pdf: Uint8Array, opts: SignOptions, names: { signer: string; agency: string }, now: Date): Promise<AppearanceSpec> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const lastPage = doc.getPageCount() - 1;
  const page = opts.page ? Number(opts.page) - 1 : lastPage;
  const image = opts.image ? new Uint8Array(readFileSync(opts.image)) : undefined;
  const explicitBox = opts.box ? parseBox(opts.box) : undefined;
  if (opts.signer) {
    const box = explicitBox ?? defaultSignerBox(doc.getPage(page).getSize());
    return { kind: 'signature-image', page, box, signerName: names.signer, ...(image ? { imagePng: image } : {}) };
  }
  if (opts.attachment !== undefined) return { kind: 'text', lines: [opts.attachment, formatVietnamTime(now)].filter((l) => l !== '') };
  const diameter = opts.sealDiameter ? Number(opts.sealDiameter) : DEFAULT_SEAL_DIAMETER_MM;
  const signerBox = explicitBox ? { page, box: explicitBox } : await lastSignatureBox(pdf);
  const anchor = signerBox ?? { page, box: defaultSignerBox(doc.getPage(page).getSize()) };
  return { kind: 'seal', page: anchor.page, box: sealBox(anchor.box, diameter), agencyName: names.agency, ...(image ? { imagePng: image } : {}) };
}

export function register(program: Command): void {
  const pdf = program.command('pdf').description('Sign and verify PDF files (PAdES)');

  pdf
    .command('verify')
    .description('Validate every signature of a PDF; exit 0 only when all are VALID')
    .argument('<file>', 'PDF file')
    .option('--json', 'print the result as JSON')
    .option('--dir <dir>', 'CA folder with trust anchors and CRLs (default DATA_DIR/ca)')
    .action(async (file: string, opts: { json?: boolean; dir?: string }) => {
      const { ca } = fileSigning(opts.dir ? { dir: path.resolve(opts.dir) } : {});
      const result = await validatePdf(new Uint8Array(readFileSync(file)), await ca.load());
      console.log(opts.json ? JSON.stringify(result, null, 2) : formatValidation(file, result));
      if (result.status !== 'VALID') process.exitCode = 1;
    });

  pdf
    .command('sign')
    .description("Sign a PDF with the agency's organisation key (seal), or with --signer a person's key")
    .argument('<file>', 'PDF to sign')
    .argument('<out>', 'where to write the signed PDF')
    .requiredOption('--agency <code>', 'agency code')
    .option('--signer <username>', 'sign with this person’s personal key instead of the organisation key')
    .option('--dir <dir>', 'CA folder with the keys (default DATA_DIR/ca)')
    .option('--page <n>', 'page for the stamp, from 1 (default: last page)')
    .option('--box <x,y,w,h>', "signer image box in mm from the page's bottom-left corner")
    .option('--image <png>', 'signature or seal image (PNG, transparent background); default: generated')
    .option('--seal-diameter <mm>', `seal diameter in mm (default ${DEFAULT_SEAL_DIAMETER_MM})`)
    .option('--attachment <number>', 'attachment: organisation signature in text form with this number and notation')
    .option('--reason <text>', 'reason recorded in the signature')
    .action(async (file: string, out: string, opts: SignOptions) => {
      const setup = fileSigning(opts.dir ? { dir: path.resolve(opts.dir) } : {});
      const identity: SigningIdentity = opts.signer
        ? { kind: 'personal', agencyCode: opts.agency, username: opts.signer }
        : { kind: 'organisation', agencyCode: opts.agency };
      const chain = await setup.signer.getCertificateChain(identity).catch(() => {
        throw new Error(`không có khóa ký cho ${opts.signer ? `người ký ${opts.signer} của ` : ''}cơ quan ${opts.agency} trong ${setup.ca.dir} (chạy "lienthong ca init" hoặc nhập tệp PKCS#12)`);
      });
      const subject = certificateSummary(chain[0]!);
      const input = new Uint8Array(readFileSync(file));
      const now = new Date();
      const appearance = await appearanceFor(input, opts, { signer: subject.commonName, agency: subject.organisation ?? subject.commonName }, now);
      const signed = await signPdf({
        pdf: input,
        signer: setup.signer,
        identity,
        appearance,
        signingTime: now,
        ...(opts.reason ? { reason: opts.reason } : {}),
      });
      writeFileSync(out, signed);
      console.log(`Đã ký ${file} → ${out}: ${subject.commonName} (chứng thư ${subject.serialNumber}), ${formatVietnamTime(now)}`);
    });
}
