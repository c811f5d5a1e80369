import type { Kysely } from 'kysely';
import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import type { Config } from '../../config/env.ts';
import type { DB } from '../db/schema.ts';
import { FileCaDirectory } from './ca/ca-store.ts';
import { DemoKeyIssuer } from './ca/demo-key-issuer.ts';
import { createSigner } from './create-signer.ts';
import { NO_IMAGES, PadesDocumentSigning, type SigningImages } from './document-signing.ts';
import { loadKek } from './signing-config.ts';
import { SigningDirectory } from './signing-directory.ts';
import { HttpCrlSource } from './validation/crl-fetcher.ts';

export interface DocumentSigningSetup {
  config: Pick<Config, 'signing' | 'dataDir' | 'nodeEnv' | 'demoMode'>;
  db: Kysely<DB>;
  now: () => Date;
  images?: SigningImages;
}

/**
 * The DocumentSigning port as configured: keys and trust from the CA folder (SIGNING_CA_DIR),
 * the signer chosen by SIGNER_PROVIDER, and in demo mode the built-in test CA issuing missing
 * keys on first use. Nothing is read or generated until the first call, so commands and tests
 * that never sign pay nothing.
 */
export function createDocumentSigning(setup: DocumentSigningSetup): DocumentSigning {
  let built: PadesDocumentSigning | undefined;
  const get = (): PadesDocumentSigning => {
    if (built) return built;
    const { config } = setup;
    const ca = new FileCaDirectory(config.signing.caDir);
    const kek = loadKek({
      provider: config.signing.provider,
      caDir: config.signing.caDir,
      dataDir: config.dataDir,
      production: config.nodeEnv === 'production',
      kekBase64: config.signing.kekBase64,
    });
    const signer = createSigner({ provider: config.signing.provider, production: config.nodeEnv === 'production' }, { keyStore: ca.keyStore, kek });
    built = new PadesDocumentSigning({
      signer,
      keyStore: ca.keyStore,
      kek,
      directory: new SigningDirectory(setup.db),
      trust: ca,
      crlSource: new HttpCrlSource({ now: setup.now }),
      images: setup.images ?? NO_IMAGES,
      now: setup.now,
      ...(config.demoMode
        ? { demoIssuer: new DemoKeyIssuer({ store: ca, keyStore: ca.keyStore, kek, dir: ca.dir, now: setup.now, rootKeyBits: config.nodeEnv === 'test' ? 2048 : 3072 }) }
        : {}),
    });
    return built;
  };
  return {
    placeStampFields: (pdf) => get().placeStampFields(pdf),
    signPersonal: (input) => get().signPersonal(input),
    fillStampFields: (pdf, values) => get().fillStampFields(pdf, values),
    signOrganisation: (input) => get().signOrganisation(input),
    signAttachment: (input) => get().signAttachment(input),
    validate: (pdf) => get().validate(pdf),
    signPackageXml: (xml, agencyCode) => get().signPackageXml(xml, agencyCode),
  };
}
