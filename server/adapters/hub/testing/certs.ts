/**
 * Test keys and certificates made with the `openssl` CLI in a temporary directory: a test CA, an
 * organ system certificate issued by it (30 days), a second one of the same CA (`sibling`, trusted
 * wherever the CA is but registered for nobody), an untrusted self-signed one, and two CRLs
 * of the CA (30 days): one revoking nothing, one revoking the organ's certificate. A test that runs
 * exchange.md §2.7's full check configures `ca` as a trust anchor and `crl` as its revocation list.
 * Expiry is tested by verifying at a later receipt time. For tests only.
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
  readonly sibling: TestIdentity;
  readonly stranger: TestIdentity;
  /** PEM CRLs signed by `ca`, current from now for 30 days. */
  readonly crl: string;
  readonly crlRevokingOrgan: string;
}

const CA_CONFIG = '[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\ncrlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 30\n';

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
    issue('sibling', '000.00.13.H99 test system', ['-days', '30']);
    writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'crlnumber'), '01\n');
    const ca = ['-config', 'ca.cnf', '-keyfile', 'ca.key', '-cert', 'ca.crt'];
    openssl(dir, ['ca', ...ca, '-gencrl', '-out', 'empty.crl']);
    openssl(dir, ['ca', ...ca, '-revoke', 'organ.crt']);
    openssl(dir, ['ca', ...ca, '-gencrl', '-out', 'revoked.crl']);
    return {
      ca: read(dir, 'ca.key', 'ca.crt'),
      organ: read(dir, 'organ.key', 'organ.crt'),
      sibling: read(dir, 'sibling.key', 'sibling.crt'),
      stranger: read(dir, 'stranger.key', 'stranger.crt'),
      crl: readFileSync(join(dir, 'empty.crl'), 'utf8'),
      crlRevokingOrgan: readFileSync(join(dir, 'revoked.crl'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
