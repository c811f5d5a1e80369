import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyHubTrace } from '../../../adapters/db/hub-trace.ts';
import { deliverDue } from '../../../app/hub/deliver-due.ts';
import { registerPeer } from '../../../app/hub/register-peer.ts';
import { updatePeer, type UpdatePeerInput } from '../../../app/hub/update-peer.ts';
import type { CertificateCheck, SignaturePolicy } from '../../../app/ports/hub.ts';
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
    .command('peer-set')
    .description('Change a registered peer: endpoint, codes, certificate, check level, signature policy, tokens, active')
    .argument('<peer>', 'the peer\'s name or id')
    .option('--name <name>', 'new name')
    .option('--codes <list>', 'comma-separated codes or level-1 groups (replaces the list)')
    .option('--endpoint <url>', 'base URL to push to ("" = the peer pulls)')
    .option('--certificate <file>', 'PEM file of its new signing certificate (rotation)')
    .option('--certificate-check <level>', 'registered, chain or chain-revocation')
    .option('--signature-policy <policy>', 'required or unsigned-allowed')
    .option('--inbound-token <token>', 'new token the peer presents, agreed with its operator (at least 32 characters)')
    .option('--new-inbound-token', 'generate a new token the peer presents (printed once); the old one stops working')
    .option('--outbound-token <token>', 'new token this hub presents to the peer ("" = none)')
    .option('--deactivate', 'refuse its pushes and hold deliveries to it (they stay queued)')
    .option('--activate', 'accept its pushes and deliver to it again')
    .option('--json', 'print the peer (and a new inbound token) as JSON')
    .action(async (ref: string, opts: {
      name?: string; codes?: string; endpoint?: string; certificate?: string; certificateCheck?: string; signaturePolicy?: string; inboundToken?: string;
      newInboundToken?: boolean; outboundToken?: string; deactivate?: boolean; activate?: boolean; json?: boolean;
    }) => {
      if (opts.deactivate && opts.activate) throw new Error('Chọn --deactivate hoặc --activate, không cả hai.');
      const input: UpdatePeerInput = {
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        ...(opts.codes !== undefined ? { codePrefixes: opts.codes.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
        ...(opts.endpoint !== undefined ? { endpointUrl: opts.endpoint || null } : {}),
        ...(opts.certificate ? { certificatePem: readFileSync(opts.certificate, 'utf8') } : {}),
        ...(opts.certificateCheck ? { certificateCheck: opts.certificateCheck as CertificateCheck } : {}),
        ...(opts.signaturePolicy ? { signaturePolicy: opts.signaturePolicy as SignaturePolicy } : {}),
        ...(opts.inboundToken !== undefined ? { inboundToken: opts.inboundToken } : {}),
        ...(opts.newInboundToken ? { newInboundToken: true } : {}),
        ...(opts.outboundToken !== undefined ? { outboundToken: opts.outboundToken || null } : {}),
        ...(opts.deactivate ? { active: false } : opts.activate ? { active: true } : {}),
      };
      const result = await withDatabase((database, config) =>
        composeDeps(config, database).uow.run(async (tx) => {
          const peer = (await tx.hub.listPeers()).find((p) => p.id === ref || p.name === ref);
          if (!peer) throw new Error(`Không có trục kết nối "${ref}".`);
          return updatePeer(tx, null, peer.id, input);
        }),
      );
      const p = result.peer;
      if (opts.json) {
        console.log(JSON.stringify({
          id: p.id, name: p.name, codePrefixes: p.codePrefixes, endpointUrl: p.endpointUrl, signaturePolicy: p.signaturePolicy, certificateCheck: p.certificateCheck,
          active: p.active, ...(result.inboundToken ? { inboundToken: result.inboundToken } : {}),
        }));
        return;
      }
      console.log(`Đã cập nhật trục ${p.name} (${p.id}): ${p.active ? 'đang hoạt động' : 'tạm dừng'}, kiểm tra chứng thư ${p.certificateCheck}, chữ ký ${p.signaturePolicy}.`);
      if (result.inboundToken) console.log(`Mã xác thực mới trục này phải gửi kèm, chỉ hiện một lần:\n${result.inboundToken}`);
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
