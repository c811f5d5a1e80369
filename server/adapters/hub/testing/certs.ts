/**
 * Test keys and certificates made with the `openssl` CLI in a temporary directory: a test CA and
 * an organ system certificate issued by it (30 days) and an untrusted self-signed one. Expiry is
 * tested by verifying at a later receipt time. For tests only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestIdentity {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

export interface TestPki {
  readonly ca: TestIdentity;
  readonly organ: TestIdentity;
  readonly stranger: TestIdentity;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function read(dir: string, key: string, cert: string): TestIdentity {
  return { privateKeyPem: readFileSync(join(dir, key), 'utf8'), certificatePem: readFileSync(join(dir, cert), 'utf8') };
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'lienthong-pki-'));
  try {
    const selfSigned = (name: string, cn: string, days = '30') =>
      openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-subj', `/CN=${cn}`, '-days', days]);
    selfSigned('ca', 'Lienthong Test CA');
    selfSigned('stranger', 'Untrusted Test System');
    writeFileSync(join(dir, 'ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n');
    const issue = (name: string, cn: string, extra: string[]) => {
      openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
      openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-extfile', 'ext.cnf', ...extra]);
    };
    issue('organ', '000.00.12.H99 test system', ['-days', '30']);
    return {
      ca: read(dir, 'ca.key', 'ca.crt'),
      organ: read(dir, 'organ.key', 'organ.crt'),
      stranger: read(dir, 'stranger.key', 'stranger.crt'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
