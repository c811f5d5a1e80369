/**
 * The hub's wire side (exchange.md §4.1, §5.1): reading and checking received bytes, the
 * acknowledgement a hop answers with and its signature, and the client that pushes to a peer hub.
 * Re-exported by ./hub.ts.
 */
import type { Readable } from 'node:stream';
import type { ExchangeErrorCode, RefusalOrigin } from '../../domain/exchange/refusal.ts';
import type { CertificateCheck, PackageKind, PeerRecord, SignaturePolicy } from './hub.ts';

/** What the hub learns from received bytes before it takes custody (§5.1 up to the package id). */
export interface ReadPackage {
  packageId: string;
  kind: PackageKind;
  sha256: string;
  size: number;
  senderCode: string;
  receiverCodes: string[];
  businessType: string | null;
  documentId: string;
  /** Ordering key: the document a package is about (the target, for a revocation). */
  documentKey: string;
  priority: number;
  secretMarked: boolean;
  /** Statuses: the deduplication key of §4.2; absent for documents. */
  statusKey?: string;
  /** When the sender made it (the issuer's TraceHeader or the status Timestamp, wire form); absent when unreadable. */
  createdAt?: Date;
}

export interface SignatureCheck {
  signed: boolean;
  unsignedAdmitted: boolean;
  weak: boolean;
  signerFingerprint: string | null;
}

/**
 * A large package the transport wrote to a local temporary file while hashing it, instead of holding
 * it in one buffer; the transport removes the file after its answer (and a start-up sweep after a crash).
 */
export interface SpooledPackage {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  open(): Readable;
}

/** Received bytes: in memory (small packages) or spooled. */
export type ReceivedBytes = Buffer | SpooledPackage;

/** Parses and checks received bytes; every method throws the domain's ExchangeRefusal. */
export interface PackageReader {
  read(bytes: ReceivedBytes, options: { transportId?: string; maxBytes: number }): { info: ReadPackage; handle: unknown };
  /**
   * The package signature under the peer's policy; the signer must be the registered certificate and,
   * as `certificateCheck` asks, chain to a trust anchor and not be revoked. Call it outside a transaction
   * (trust material is read through its own connection).
   */
  verify(handle: unknown, options: { policy: SignaturePolicy; certificatePem: string | null; at: Date; certificateCheck?: CertificateCheck }): Promise<SignatureCheck>;
  /** Decodes every attachment once to check it, streamed and not kept (the hub stores the package bytes, not the files). */
  checkAttachments(handle: unknown): Promise<void>;
}

/** A hop's synchronous answer (§4.1). */
export interface Acknowledgement {
  packageId: string;
  result: 'accepted' | 'duplicate' | 'refused';
  receivedAt: string;
  sha256: string;
  code?: ExchangeErrorCode;
  origin?: RefusalOrigin;
  temporary?: boolean;
  message?: string;
  receivers?: { code: string; result: 'accepted' | 'refused'; errorCode?: string; origin?: RefusalOrigin; message?: string }[];
  /** Detached signature of the acknowledging node over the rest of the acknowledgement (C60). */
  signature?: ReceiptSignature;
}

/** RSA-SHA256 over the RFC 8785 canonical JSON of the acknowledgement without `signature`. */
export interface ReceiptSignature {
  algorithm: 'rsa-sha256';
  /** SHA-256 (hex) of the signer's certificate (DER), so a reader knows which key to expect. */
  certificateSha256: string;
  /** Base64 signature value. */
  value: string;
}

export type ReceiptCheck = 'valid' | 'invalid' | 'unsigned';

/** Signs the acknowledgements this hub gives and checks those its peers give (§4.1). */
export interface ReceiptSignatures {
  /** The acknowledgement with its signature; unchanged when this hub has no signing key. */
  sign(ack: Acknowledgement): Acknowledgement;
  /** Checks the signature against the peer's registered certificate. */
  verify(ack: Acknowledgement, certificatePem: string): ReceiptCheck;
}

export type PushOutcome =
  | { ok: true; ack: Acknowledgement; /** Set by the sender's check: the receipt's signature was verified. */ receiptSigned?: boolean }
  | { ok: false; code: string; origin: RefusalOrigin; temporary: boolean; message: string; httpStatus?: number; receiptProblem?: 'digest' | 'signature' | 'unsigned' };

export interface PushPackage {
  packageId: string;
  kind: PackageKind;
  bytes: Buffer;
}

export interface PeerClient {
  push(peer: PeerRecord, pkg: PushPackage): Promise<PushOutcome>;
  /**
   * Several packages to one peer, in one request where the peer takes batches (`POST /api/hub/batch`);
   * one outcome per package, in order. A peer without the batch endpoint (404/405) gets one push per
   * package, from then on for the life of the process.
   */
  pushMany(peer: PeerRecord, pkgs: PushPackage[]): Promise<PushOutcome[]>;
}
