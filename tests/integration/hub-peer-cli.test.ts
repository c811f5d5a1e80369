/** `lienthong hub peer-add` then `peer-set`: the operator changes a peer at the command line, by name. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestPki } from '../../server/adapters/hub/testing/certs.ts';
import { cliEnvironment, runCli } from './cli-harness.ts';
import { ENGINES } from './harness.ts';

for (const engine of ENGINES) {
  describe(`[${engine}] lienthong hub peer-set (command line)`, () => {
    it('raises the check level with a new certificate, pauses the peer and prints a new token once; a level without certificate is refused with the reason', { timeout: 240_000 }, async () => {
      const { env, cleanup } = await cliEnvironment(engine);
      try {
        const pki = makeTestPki();
        const added = runCli(['hub', 'peer-add', '--name', 'Trục Cà Mau', '--codes', 'H12', '--json'], env);
        expect(added.status, added.stderr).toBe(0);

        const refused = runCli(['hub', 'peer-set', 'Trục Cà Mau', '--certificate-check', 'chain-revocation'], env);
        expect(refused.status).not.toBe(0);
        expect(refused.stderr).toContain('Kiểm tra chuỗi tin cậy cần chứng thư số của trục.');

        const pem = path.join(env.DATA_DIR!, 'new.pem');
        writeFileSync(pem, pki.organ.certificatePem);
        const set = runCli(['hub', 'peer-set', 'Trục Cà Mau', '--certificate', pem, '--certificate-check', 'chain-revocation', '--endpoint', 'https://truc.camau.example/', '--deactivate', '--new-inbound-token', '--json'], env);
        expect(set.status, set.stderr).toBe(0);
        const out = JSON.parse(set.stdout) as { certificateCheck: string; active: boolean; endpointUrl: string; inboundToken: string };
        expect(out).toMatchObject({ certificateCheck: 'chain-revocation', active: false, endpointUrl: 'https://truc.camau.example/' });
        expect(out.inboundToken).not.toBe((JSON.parse(added.stdout) as { inboundToken: string }).inboundToken);

        const again = runCli(['hub', 'peer-set', 'Trục Cà Mau', '--activate'], env);
        expect(again.status, again.stderr).toBe(0);
        expect(again.stdout).toContain('đang hoạt động, kiểm tra chứng thư chain-revocation');
        expect(again.stdout).not.toContain('Mã xác thực mới');
      } finally {
        await cleanup();
      }
    });
  });
}
