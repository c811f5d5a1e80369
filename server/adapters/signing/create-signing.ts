import type { Kysely } from 'kysely';
import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import type { SigningVault } from '../../app/ports/signing-admin.ts';
import type { Config } from '../../config/env.ts';
import type { DB } from '../db/schema.ts';
import { FileCaDirectory } from './ca/ca-store.ts';
import { DemoKeyIssuer } from './ca/demo-key-issuer.ts';
import { createSigner } from './create-signer.ts';
import { PadesDocumentSigning, type SigningImages } from './document-signing.ts';
import { DbSigningImages } from './store/db-signing-images.ts';
import type { KeyEncryptionKey } from './keys/key-encryption.ts';
import { LocalSigner } from './signers/local-signer.ts';
import { loadKek } from './signing-config.ts';
import { SigningDirectory } from './signing-directory.ts';
import { DbKeyStore } from './store/db-key-store.ts';
import { DbTrustSource } from './store/db-trust-source.ts';
import type { TrustSource } from './validation/trust-material.ts';
import { HttpCrlSource } from './validation/crl-fetcher.ts';
import { LocalSigningVault } from './store/signing-vault.ts';

export interface SigningSetup {
  config: Pick<Config, 'signing' | 'dataDir' | 'nodeEnv' | 'demoMode'>;
  db: Kysely<DB>;
  now: () => Date;
  images?: SigningImages;
  /** Tests: where CRL URLs are fetched from. */
  fetch?: typeof fetch;
}

export interface SigningServices {
  /** The port the document workflows call. */
  signing: DocumentSigning;
  /** Key import, certificate and CRL reading for the administration use cases. */
  vault: SigningVault;
  /** Anchors and CRLs (CA folder + database), also used by the hub for peers' certificates. */
  trust: TrustSource;
}

/**
 * Signing as configured for the application: keys in the `signing_keys` table (private keys
 * encrypted under SIGNING_KEK), the signer chosen by SIGNER_PROVIDER, trust from the CA folder
 * (SIGNING_CA_DIR) plus the operator's anchors and CRLs in the database; in demo mode the built-in
 * test CA issues missing keys on first use. Nothing is read or generated before the first call, so
 * commands and tests that never sign pay nothing. The command line keeps its file key store
 * (file-signing.ts).
 */
export function createSigning(setup: SigningSetup): SigningServices {
  const { config } = setup;
  const production = config.nodeEnv === 'production';
  const ca = new FileCaDirectory(config.signing.caDir);
  const keyStore = new DbKeyStore(setup.db, { now: setup.now });
  let kek: KeyEncryptionKey | undefined;
  const getKek = (): KeyEncryptionKey =>
    (kek ??= loadKek({ provider: config.signing.provider, caDir: config.signing.caDir, dataDir: config.dataDir, production, kekBase64: config.signing.kekBase64 }));
  let issuer: DemoKeyIssuer | undefined;
  const getIssuer = (): DemoKeyIssuer | undefined => {
    if (!config.demoMode) return undefined;
    return (issuer ??= new DemoKeyIssuer({ store: ca, keyStore, kek: getKek(), dir: ca.dir, now: setup.now, rootKeyBits: config.nodeEnv === 'test' ? 2048 : 3072 }));
  };
  const trust = new DbTrustSource(setup.db, ca, {
    now: setup.now,
    ...(setup.fetch ? { fetch: setup.fetch } : {}),
    beforeLoad: async () => getIssuer()?.refreshCrlIfOld(),
  });

  let built: PadesDocumentSigning | undefined;
  const get = (): PadesDocumentSigning => {
    if (built) return built;
    const demoIssuer = getIssuer();
    built = new PadesDocumentSigning({
      signer: createSigner({ provider: config.signing.provider, production }, { keyStore, kek: getKek() }),
      keyStore,
      kek: getKek(),
      directory: new SigningDirectory(setup.db),
      trust,
      crlSource: new HttpCrlSource({ now: setup.now, ...(setup.fetch ? { fetch: setup.fetch } : {}) }),
      images: setup.images ?? new DbSigningImages(setup.db),
      now: setup.now,
      ...(demoIssuer ? { demoIssuer } : {}),
    });
    return built;
  };
  const signing: DocumentSigning = {
    placeStampFields: (pdf, options) => get().placeStampFields(pdf, options),
    signPersonal: (input) => get().signPersonal(input),
    fillStampFields: (pdf, values) => get().fillStampFields(pdf, values),
    signOrganisation: (input) => get().signOrganisation(input),
    signAttachment: (input) => get().signAttachment(input),
    validate: (pdf) => get().validate(pdf),
    signPackageXml: (xml, agencyCode) => get().signPackageXml(xml, agencyCode),
  };
  const vault = new LocalSigningVault({
    kek: getKek,
    trust,
    onForget: () => {
      if (!built) return;
      const signer = built.signer;
      if (signer instanceof LocalSigner) signer.clearCache();
      built.forgetXmlKeys();
    },
    ...(config.demoMode ? { testCa: { dir: ca.dir, get issuer() { return getIssuer()!; } } } : {}),
  });
  return { signing, vault, trust };
}
