import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { initTestCa, revokeCertificate, type AgencyEntry, type SignerEntry } from '../../../adapters/signing/ca/test-ca.ts';
import { fileSigning } from '../../../adapters/signing/file-signing.ts';

/**
 * `lienthong ca init` / `ca revoke`: the built-in test CA for demos and tests. The material lives
 * in a folder (default DATA_DIR/ca, or SIGNING_CA_DIR); private keys are kept encrypted under
 * SIGNING_KEK.
 */

/** Demo agencies and signers (the demo province's leaders), used when no list is given. */
export const DEMO_CA_AGENCIES: AgencyEntry[] = [
  { code: 'UBND-TINH', name: 'Ủy ban nhân dân tỉnh Bạc Liêu' },
  { code: 'SNV', name: 'Sở Nội vụ tỉnh Bạc Liêu', parentName: 'UBND tỉnh Bạc Liêu' },
  { code: 'STC', name: 'Sở Tài chính tỉnh Bạc Liêu', parentName: 'UBND tỉnh Bạc Liêu' },
  { code: 'UBND-TPBL', name: 'Ủy ban nhân dân thành phố Bạc Liêu', parentName: 'Tỉnh Bạc Liêu' },
];

export const DEMO_CA_SIGNERS: SignerEntry[] = [
  { username: 'chutich', fullName: 'Phạm Văn Chủ', agencyCode: 'UBND-TINH' },
  { username: 'giamdoc.snv', fullName: 'Huỳnh Văn Đức', agencyCode: 'SNV' },
  { username: 'phogiamdoc.snv', fullName: 'Đặng Thị Phó', agencyCode: 'SNV' },
  { username: 'giamdoc.stc', fullName: 'Hồ Văn Chính', agencyCode: 'STC' },
  { username: 'chutich.tpbl', fullName: 'Châu Văn Thành', agencyCode: 'UBND-TPBL' },
];

function readJsonList<T>(file: string, what: string, check: (item: Record<string, unknown>) => boolean): T[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'object' && item !== null && check(item as Record<string, unknown>))) {
    throw new Error(`${file}: phải là một mảng JSON các ${what}`);
  }
  return parsed as T[];
}

export function register(program: Command): void {
  const ca = program.command('ca').description('Built-in test certificate authority (demo and tests only)');

  ca.command('init')
    .description('Create the test CA root, an organisation certificate per agency, a personal one per signer, and the CRL')
    .option('--dir <dir>', 'CA folder (default DATA_DIR/ca)')
    .option('--agencies <file>', 'JSON array of {code, name, parentName?}; default: the demo agencies')
    .option('--signers <file>', 'JSON array of {username, fullName, agencyCode}; default: the demo leaders')
    .option('--crl-url <url>', 'URL published in certificates as the CRL distribution point')
    .action(async (opts: { dir?: string; agencies?: string; signers?: string; crlUrl?: string }) => {
      const setup = fileSigning(opts.dir ? { dir: path.resolve(opts.dir) } : {});
      const agencies = opts.agencies
        ? readJsonList<AgencyEntry>(opts.agencies, '{code, name}', (a) => typeof a.code === 'string' && typeof a.name === 'string')
        : DEMO_CA_AGENCIES;
      const signers = opts.signers
        ? readJsonList<SignerEntry>(opts.signers, '{username, fullName, agencyCode}', (s) => typeof s.username === 'string' && typeof s.fullName === 'string' && typeof s.agencyCode === 'string')
        : DEMO_CA_SIGNERS;
      const result = await initTestCa(
        { store: setup.ca, keyStore: setup.ca.keyStore, kek: setup.kek },
        { agencies, signers, ...(opts.crlUrl ? { crlUrl: opts.crlUrl } : {}) },
      );
      console.log(`${result.createdRoot ? 'Đã tạo' : 'Đã có'} CA thử nghiệm: ${result.rootSubject}`);
      console.log(`Thư mục: ${setup.ca.dir}`);
      for (const cert of result.issued) {
        const who = cert.profile === 'organisation' ? `cơ quan ${cert.agencyCode}` : `người ký ${cert.username} (${cert.agencyCode})`;
        console.log(`  cấp chứng thư ${cert.serial}  ${who}: ${cert.subject}`);
      }
      console.log(`Đã cấp ${result.issued.length} chứng thư mới; CRL: ${path.join(setup.ca.dir, 'crl', 'root.crl')}`);
    });

  ca.command('revoke')
    .description('Revoke a certificate issued by the test CA and publish a new CRL')
    .argument('<serial>', 'certificate serial number (hex, colons allowed)')
    .option('--dir <dir>', 'CA folder (default DATA_DIR/ca)')
    .action(async (serial: string, opts: { dir?: string }) => {
      const setup = fileSigning(opts.dir ? { dir: path.resolve(opts.dir) } : {});
      const record = await revokeCertificate({ store: setup.ca, keyStore: setup.ca.keyStore, kek: setup.kek }, serial);
      console.log(`Đã thu hồi chứng thư ${record.serial} (${record.subject}) từ ${record.revokedAt}; đã phát hành CRL mới.`);
    });
}
