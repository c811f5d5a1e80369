/** Package identity on receipt (exchange.md §4.2). */
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import { sha256Of } from './package-bytes.ts';
import type { ParsedPackage } from './parse-package.ts';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * `TraceHeaderList/@id` if it is a UUID; else the transport's id; else `sha256:` + digest of the
 * bytes. An XML id and a transport id that differ are refused.
 */
export function packageIdOf(parsed: ParsedPackage, transportId?: string): string {
  const xmlId = parsed.kind === 'document' ? parsed.package.TraceHeaderList.id : undefined;
  const fromXml = xmlId && UUID.test(xmlId) ? xmlId.toLowerCase() : undefined;
  const transport = transportId?.trim() ? transportId.trim() : undefined;
  if (fromXml && transport && fromXml !== transport.toLowerCase()) {
    throw new ExchangeRefusal(E.EXCHANGE_PACKAGE_ID_CONFLICT, `Mã gói tin trong XML (${fromXml}) khác mã gói tin khi truyền (${transport})`);
  }
  return fromXml ?? transport ?? `sha256:${sha256Of(parsed.xml.source)}`;
}
