/** Namespaces and default limits of the EDXML codec (exchange.md §1, §2.10). */

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

const MiB = 1024 * 1024;

export interface EdxmlLimits {
  /** Whole package on the wire. */
  readonly maxPackageBytes: number;
  /** One attachment, decoded and unpacked. */
  readonly maxAttachmentBytes: number;
  readonly maxAttachments: number;
  readonly maxDepth: number;
  readonly maxElements: number;
  readonly maxAttributesPerElement: number;
  readonly maxNameLength: number;
  /** Text nodes other than `ContentTransferEncoded`. */
  readonly maxTextLength: number;
}

export const DEFAULT_LIMITS: EdxmlLimits = {
  maxPackageBytes: 150 * MiB,
  maxAttachmentBytes: 100 * MiB,
  maxAttachments: 100,
  maxDepth: 64,
  maxElements: 100_000,
  maxAttributesPerElement: 32,
  maxNameLength: 256,
  maxTextLength: 1 * MiB,
};
