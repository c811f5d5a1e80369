import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyHubTrace } from '../../../adapters/db/hub-trace.ts';
import { deliverDue } from '../../../app/hub/deliver-due.ts';
import { registerPeer } from '../../../app/hub/register-peer.ts';
import type { CertificateCheck } from '../../../app/ports/hub.ts';
import { composeDeps } from '../../compose.ts';
import { hubDepsOf } from '../../hub/hub-deps.ts';
import { withDatabase } from '../context.ts';

export function register(program: Command): void {
  const hub = program.command('hub').description('Store-and-forward hub: peers, delivery, trace');

  hub
    .command('peer-add')
    .description('Register a peer hub; prints the token the peer must present (shown once)')
    .requiredOption('--name <name>', 'name shown in the trace and on the operator screens')
    .requiredOption('--codes <list>', 'comma-separated codes or level-1 groups it serves and may send for (e.g. H99,000.00.12.H98; * = default route)')
    .option('--endpoint <url>', 'base URL to push to (absent: the peer pulls)')
    .option('--certificate <file>', 'PEM file of the certificate that signs its packages')
    .option('--outbound-token <token>', 'token this hub presents to the peer')
    .option('--inbound-token <token>', 'token the peer presents to us, agreed with its operator (at least 32 characters; generated when absent)')
    .option('--unsigned-allowed', 'admit packages without an XML signature (recorded in the trace)')
    .option(
      '--certificate-check <level>',
      'how far the signing certificate is checked: chain-revocation (default with --certificate; exchange.md §2.7: the registered certificate, chaining to a configured trust anchor (`trust add`), valid at receipt, not revoked by a current CRL (`crl add`); no current CRL = refused as indeterminate, retried); chain (no revocation check) and registered (only that it is the registered certificate) fall short of §2.7',
    )
    .option('--json', 'print the peer id and the inbound token as JSON')
    .action(async (opts: { name: string; codes: string; endpoint?: string; certificate?: string; outboundToken?: string; inboundToken?: string; unsignedAllowed?: boolean; certificateCheck?: string; json?: boolean }) => {
      const result = await withDatabase((database, config) =>
        composeDeps(config, database).uow.run((tx) =>
          registerPeer(tx, null, {
            name: opts.name,
            codePrefixes: opts.codes.split(',').map((c) => c.trim()).filter(Boolean),
            endpointUrl: opts.endpoint ?? null,
            certificatePem: opts.certificate ? readFileSync(opts.certificate, 'utf8') : null,
            outboundToken: opts.outboundToken ?? null,
            ...(opts.inboundToken ? { inboundToken: opts.inboundToken } : {}),
            signaturePolicy: opts.unsignedAllowed ? 'unsigned-allowed' : 'required',
            ...(opts.certificateCheck ? { certificateCheck: opts.certificateCheck as CertificateCheck } : {}),
          }),
        ),
      );
      if (opts.json) {
        console.log(JSON.stringify({ id: result.peer.id, name: result.peer.name, certificateCheck: result.peer.certificateCheck, inboundToken: result.inboundToken }));
        return;
      }
      console.log(`Đã đăng ký trục ${result.peer.name} (${result.peer.id}); kiểm tra chứng thư: ${result.peer.certificateCheck}.`);
      console.log(`Mã xác thực trục này phải gửi kèm (Authorization: Bearer …), chỉ hiện một lần:\n${result.inboundToken}`);
    });

  hub
    .command('deliver')
    .description('Deliver everything due now, once (the worker role does this continuously)')
    .action(async () => {
      const run = await withDatabase((database, config) => deliverDue(hubDepsOf(composeDeps(config, database)), { limit: 10_000 }));
      console.log(`Đã chuyển ${run.delivered}, chờ thử lại ${run.failed}, dừng chuyển ${run.dead}.`);
    });

  hub
    .command('verify-trace')
    .description('Check the hash chain of the hub trace; exits 1 and names the first altered or missing record')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await withDatabase((database) => verifyHubTrace(database.db));
      if (opts.json) console.log(JSON.stringify(result));
      else if (result.ok) console.log(`Nhật ký chuyển gói tin toàn vẹn: ${result.records} bản ghi, mã băm cuối ${result.lastHash}.`);
      else console.error(`Nhật ký chuyển gói tin bị phá vỡ tại bản ghi #${result.brokenSeq}: ${result.reason}. ${result.records} bản ghi trước đó hợp lệ.`);
      process.exitCode = result.ok ? 0 : 1;
    });
}
