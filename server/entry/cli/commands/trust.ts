import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { addRevocationSource, findRevocationSources, removeRevocationSource } from '../../../app/signing/manage-revocation-sources.ts';
import { addTrustAnchor, findTrustAnchors, removeTrustAnchor } from '../../../app/signing/manage-trust-anchors.ts';
import { composeDeps } from '../../compose.ts';
import { presentRevocationSource, presentTrustAnchor } from '../../http/routes/signing/signing-schemas.ts';
import { withDatabase } from '../context.ts';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/**
 * Trust anchors and revocation sources at the command line, with the same use cases (and audit
 * events) as the operator's trust screen; the machine's operator acts as the system operator
 * (actor null). `--json` prints what the API answers.
 */
export function register(program: Command): void {
  const trust = program.command('trust').description('Trust anchors for signature validation: root and intermediate CA certificates');
  trust
    .command('list')
    .description('List the trust anchors')
    .option('--json', 'print JSON (as GET /api/signing/trust-anchors)')
    .action(async (opts: { json?: boolean }) => {
      const items = (await withDatabase(async (database, config) => composeDeps(config, database).uow.run((tx) => findTrustAnchors(tx, null)))).map(presentTrustAnchor);
      if (opts.json) return void console.log(JSON.stringify({ items }, null, 2));
      for (const a of items) console.log(`${a.id}  ${a.kind === 'root' ? 'gốc     ' : 'trung gian'}  ${a.subject}  (hiệu lực ${day(a.notBefore)} – ${day(a.notAfter)}, SHA-256 ${a.fingerprint.slice(0, 16)}…)`);
      console.log(`${items.length} chứng thư tin cậy.`);
    });
  trust
    .command('add')
    .description('Add a CA certificate (PEM or DER) as a trust anchor; a non-CA certificate or a duplicate is refused')
    .argument('<file>', 'certificate file')
    .option('--intermediate', 'an intermediate CA (default: a self-signed root)')
    .option('--json', 'print JSON (as POST /api/signing/trust-anchors)')
    .action(async (file: string, opts: { intermediate?: boolean; json?: boolean }) => {
      const certificate = new Uint8Array(await readFile(file));
      const anchor = presentTrustAnchor(await withDatabase(async (database, config) => {
        const deps = composeDeps(config, database);
        return deps.uow.run((tx) => addTrustAnchor(tx, { vault: deps.signingVault }, null, { kind: opts.intermediate ? 'intermediate' : 'root', certificate }));
      }));
      if (opts.json) return void console.log(JSON.stringify(anchor, null, 2));
      console.log(`Đã thêm chứng thư tin cậy ${anchor.id}: ${anchor.subject}.`);
    });
  trust
    .command('remove')
    .description('Remove a trust anchor by its id (see `trust list`)')
    .argument('<id>', 'trust anchor id')
    .action(async (id: string) => {
      await withDatabase(async (database, config) => {
        const deps = composeDeps(config, database);
        await deps.uow.run((tx) => removeTrustAnchor(tx, { vault: deps.signingVault }, null, checkId(id)));
      });
      console.log(`Đã xóa chứng thư tin cậy ${id}.`);
    });

  const crl = program.command('crl').description('Revocation sources for signature validation: CRL URLs and uploaded CRLs');
  crl
    .command('list')
    .description('List the revocation sources')
    .option('--json', 'print JSON (as GET /api/signing/revocation-sources)')
    .action(async (opts: { json?: boolean }) => {
      const items = (await withDatabase(async (database, config) => composeDeps(config, database).uow.run((tx) => findRevocationSources(tx, null)))).map(presentRevocationSource);
      if (opts.json) return void console.log(JSON.stringify({ items }, null, 2));
      for (const s of items) {
        const state = s.lastError ? `lỗi: ${s.lastError}` : s.thisUpdate ? `cập nhật ${day(s.thisUpdate)}, lần sau ${day(s.nextUpdate)}` : 'chưa tải';
        console.log(`${s.id}  ${s.url ?? 'tệp tải lên'}  ${s.issuer ?? ''}  (${state})`);
      }
      console.log(`${items.length} nguồn danh sách thu hồi.`);
    });
  crl
    .command('add')
    .description('Add a CRL: an http(s) URL the system fetches and refreshes, or a CRL file (PEM or DER)')
    .argument('<file-or-url>', 'CRL file, or http:// / https:// URL')
    .option('--json', 'print JSON (as POST /api/signing/revocation-sources)')
    .action(async (target: string, opts: { json?: boolean }) => {
      const input = /^[a-z][a-z0-9+.-]*:\/\//i.test(target) ? { url: target } : { crl: new Uint8Array(await readFile(target)) };
      const source = presentRevocationSource(await withDatabase(async (database, config) => {
        const deps = composeDeps(config, database);
        return deps.uow.run((tx) => addRevocationSource(tx, { vault: deps.signingVault }, null, input));
      }));
      if (opts.json) return void console.log(JSON.stringify(source, null, 2));
      console.log(`Đã thêm nguồn danh sách thu hồi ${source.id}: ${source.url ?? `CRL của ${source.issuer ?? '?'}`}.`);
    });
  crl
    .command('remove')
    .description('Remove a revocation source by its id (see `crl list`)')
    .argument('<id>', 'revocation source id')
    .action(async (id: string) => {
      await withDatabase(async (database, config) => {
        const deps = composeDeps(config, database);
        await deps.uow.run((tx) => removeRevocationSource(tx, { vault: deps.signingVault }, null, checkId(id)));
      });
      console.log(`Đã xóa nguồn danh sách thu hồi ${id}.`);
    });
}

/** A malformed id would be a database error; say what is wrong instead. */
function checkId(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error(`"${id}" không phải mã (id) hợp lệ; xem mã bằng lệnh list.`);
  return id;
}
