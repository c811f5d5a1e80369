/**
 * Builds a status package (exchange.md §3.1): `From`, `ResponseFor`, `StaffInfo`, `StatusCode`,
 * `Description`, `Timestamp`, then the signature; no trace, body or attachments. Refuses (origin
 * `local`) an unknown code, a `02`/`16` without reason and, when the current state is given, a
 * transition §3.3 forbids.
 */
import type { StatusPackage } from '../../../domain/exchange/package.ts';
import { ExchangeErrorCode as E, ExchangeRefusal, invalidField } from '../../../domain/exchange/refusal.ts';
import { normalizeStatusCode, STATUS_NEEDS_REASON } from '../../../domain/exchange/status-codes.ts';
import { checkEmission, type ExchangeState } from '../../../domain/exchange/transitions.ts';
import { signXmlBytes, type SignOptions } from '../xml-signature.ts';
import { EDXML_NS } from './constants.ts';
import { checkOrganId, checkTimestamp } from './validate-emission.ts';
import { writeOrgan, writeResponseFor, writeStaff } from './write-header.ts';
import { XmlWriter } from './xml-writer.ts';

export interface BuildStatusOptions {
  readonly signer?: SignOptions;
  /** The emitter's current state for this (document, organ); when given, §3.3 is enforced. */
  readonly currentState?: ExchangeState;
}

export function buildStatusPackage(status: Omit<StatusPackage, 'kind'>, options: BuildStatusOptions = {}): Buffer {
  const code = normalizeStatusCode(status.StatusCode);
  if (!code || code !== status.StatusCode) throw invalidField('MessageHeader/StatusCode', `Mã trạng thái "${status.StatusCode}" không tồn tại`, 'local');
  if (STATUS_NEEDS_REASON.has(code) && !status.Description?.trim()) {
    throw invalidField('MessageHeader/Description', `Trạng thái ${code} phải nêu lý do`, 'local');
  }
  if (options.currentState) {
    const t = checkEmission(options.currentState, code, status.Description);
    if (!t.ok) throw new ExchangeRefusal(E.EXCHANGE_STATUS_TRANSITION_INVALID, t.reason, { origin: 'local' });
  }
  checkOrganId(status.From.OrganId, 'MessageHeader/From/OrganId');
  checkOrganId(status.ResponseFor.OrganId, 'MessageHeader/ResponseFor/OrganId');
  if (!status.ResponseFor.DocumentId) throw invalidField('MessageHeader/ResponseFor/DocumentId', 'Thiếu mã văn bản được phản hồi', 'local');
  checkTimestamp('MessageHeader/Timestamp', status.Timestamp);
  const w = new XmlWriter();
  w.open('edXML', { xmlns: EDXML_NS });
  w.open('edXML:edXMLEnvelope', { 'xmlns:edXML': EDXML_NS });
  w.open('edXML:edXMLHeader');
  w.open('edXML:MessageHeader');
  writeOrgan(w, 'edXML:From', status.From);
  writeResponseFor(w, status.ResponseFor);
  writeStaff(w, status.StaffInfo);
  w.leaf('edXML:StatusCode', code).leaf('edXML:Description', status.Description).leaf('edXML:Timestamp', status.Timestamp);
  w.close('edXML:MessageHeader');
  w.close('edXML:edXMLHeader');
  w.close('edXML:edXMLEnvelope');
  w.close('edXML');
  const unsigned = w.toBuffer();
  return options.signer ? signXmlBytes(unsigned, options.signer) : unsigned;
}
