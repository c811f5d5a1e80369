import { open, readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../../../adapters/hub/edxml/constants.ts';
import { inspectPackage, type InspectReport } from '../../../adapters/hub/edxml/inspect.ts';
import { tooLarge } from '../../../adapters/hub/edxml/parse-xml.ts';
import { readAll } from '../../../app/files/read-all.ts';
import { findSentPackages } from '../../../app/hub/find-sent-packages.ts';
import { composeDeps } from '../../compose.ts';
import { withDatabase } from '../context.ts';

/** Reads the file, or returns `null` without reading when it is over the package size limit. */
async function readBounded(file: string, limit: number): Promise<Buffer | null> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size > limit) return null;
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function printReport(file: string, r: InspectReport): void {
  const kind = r.kind === 'status' ? 'gói tin trạng thái' : r.kind === 'document' ? 'gói tin văn bản' : 'không đọc được';
  console.log(`Tệp: ${file} (${kind})`);
  if (r.packageId) console.log(`Mã gói tin: ${r.packageId}`);
  if (r.header) {
    console.log('Tiêu đề:');
    for (const [k, v] of Object.entries(r.header)) if (v !== undefined) console.log(`  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  if (r.attachments && r.attachments.length > 0) {
    console.log('Tệp đính kèm:');
    for (const a of r.attachments) console.log(`  ${a.displayName}  ${a.contentType ?? '?'}  ${a.size} byte  SHA-256 ${a.sha256}${a.unpackedFrom ? `  (giải nén từ ${a.unpackedFrom})` : ''}`);
  }
  if (r.signature) {
    const s = r.signature;
    const state = !s.present ? 'không có chữ ký' : s.valid ? 'hợp lệ' : 'không hợp lệ';
    console.log(`Chữ ký XML: ${state}${s.present ? ` (băm: ${s.digestValid ? 'khớp' : 'không khớp'}, chữ ký: ${s.signatureValid ? 'đúng' : 'sai'}${s.trusted === null ? ', chưa kiểm tra tin cậy' : s.trusted ? ', tin cậy' : ', không tin cậy'}${s.weak ? ', SHA-1 yếu' : ''})` : ''}`);
    if (s.certificate) console.log(`  Chứng thư: ${s.certificate.subject} — cấp bởi ${s.certificate.issuer}, hết hạn ${s.certificate.validTo}`);
  }
  for (const w of r.warnings) console.log(`Lưu ý: ${w}`);
  if (r.accepted) console.log('Kết quả: trục sẽ tiếp nhận gói tin này.');
  else console.error(`Kết quả: trục sẽ từ chối — ${r.refusal!.code} (${r.refusal!.origin}): ${r.refusal!.message}`);
}

export function register(program: Command): void {
  const edxml = program.command('edxml').description('EDXML packages (QCVN 102:2016)');
  edxml
    .command('inspect')
    .description('Parse and check a document or status package as the hub would on receipt; exits 1 with the reason when it would be refused')
    .argument('<file>', 'EDXML package file')
    .option('--json', 'print the report as JSON')
    .option('--trust <pem...>', 'PEM files of trusted certificates (CA or signer)')
    .option('--unsigned-allowed', 'check as for a peer whose policy admits unsigned packages')
    .action(async (file: string, opts: { json?: boolean; trust?: string[]; unsignedAllowed?: boolean }) => {
      const bytes = await readBounded(file, DEFAULT_LIMITS.maxPackageBytes);
      const trustedCertificates = opts.trust ? await Promise.all(opts.trust.map((p) => readFile(p, 'utf8'))) : undefined;
      const tooBig = tooLarge(DEFAULT_LIMITS.maxPackageBytes);
      const report: InspectReport = bytes
        ? inspectPackage(bytes, { ...(trustedCertificates ? { trustedCertificates } : {}), signaturePolicy: opts.unsignedAllowed ? 'unsigned-allowed' : 'required' })
        : { accepted: false, refusal: { code: tooBig.code, origin: tooBig.origin, message: tooBig.message }, warnings: [] };
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else printReport(file, report);
      process.exitCode = report.accepted ? 0 : 1;
    });

  edxml
    .command('export')
    .description('Write the exact bytes of the package the hub holds for a document and a receiver (the document itself; --package picks a revocation, update or status)')
    .requiredOption('--document <id>', 'DocumentId of the document (e.g. "000.00.12.H99,2026/12/02,125/SNV-VP")')
    .requiredOption('--to <code>', 'identifier code of the receiving organ')
    .option('--package <id>', 'package id, when the hub holds several packages about the document')
    .argument('<out>', 'file to write')
    .action(async (out: string, opts: { document: string; to: string; package?: string }) => {
      const written = await withDatabase(async (database, config) => {
        const deps = composeDeps(config, database);
        const found = await deps.uow.run((tx) => findSentPackages(tx, { documentId: opts.document, receiverCode: opts.to }));
        const chosen = opts.package ? found.find((f) => f.pkg.packageId === opts.package) : found[0];
        if (!chosen) {
          console.error(`Gói tin ${opts.package} không thuộc văn bản này và nơi nhận này. Các gói tin đang giữ: ${found.map((f) => f.pkg.packageId).join(', ')}`);
          process.exitCode = 1;
          return null;
        }
        await writeFile(out, await readAll(await deps.files.get(chosen.pkg.payloadSha256), chosen.pkg.payloadSize));
        return { chosen, others: found.filter((f) => f !== chosen) };
      });
      if (!written) return;
      const { chosen, others } = written;
      const kind = chosen.pkg.kind === 'status' ? 'trạng thái' : chosen.pkg.businessType === '1' ? 'thu hồi' : chosen.pkg.businessType === '2' ? 'cập nhật' : 'văn bản';
      console.log(`Đã ghi gói tin ${kind} ${chosen.pkg.packageId} (${chosen.pkg.payloadSize} byte, SHA-256 ${chosen.pkg.payloadSha256}) vào ${out}.`);
      console.log(`Chuyển tới ${chosen.delivery.receiverCode}: ${chosen.delivery.state}${chosen.delivery.lastErrorCode ? ` — ${chosen.delivery.lastErrorCode} (${chosen.delivery.lastErrorOrigin})` : ''}.`);
      for (const o of others) console.log(`Còn gói tin ${o.pkg.packageId} (${o.pkg.kind}${o.pkg.businessType ? `, loại ${o.pkg.businessType}` : ''}): chọn bằng --package.`);
    });
}
