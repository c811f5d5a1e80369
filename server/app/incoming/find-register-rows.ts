/**
 * The incoming register (sổ đăng ký văn bản đến, domain.md §6.3) with the Decree 30 columns:
 * arrival date, arrival number, author, number and notation, date, type and abstract, unit or person
 * it went to, date passed on, receipt signature (the receiving user and time), note.
 */
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { formatNumber } from '../../domain/register/numbering.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { requirePermission, rolesOrNotFound } from './incoming-access.ts';

export interface RegisterLine {
  incomingId: string;
  arrivalDate: string;
  arrivalNumber: string;
  author: string;
  numberNotation: string;
  documentDate: string;
  typeAndAbstract: string;
  passedTo: string;
  passedOn: string;
  receipt: string;
  note: string;
}

export interface RegisterSheet {
  register: { id: string; name: string; year: number; volume: number };
  agencyName: string;
  lines: RegisterLine[];
}

const dmy = (d: string | null): string => (d ? d.split('-').reverse().join('/') : '');
const hm = (at: Date): string => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16);

export async function findRegisterRows(tx: TxPorts, actor: Actor, agencyId: string, input: { registerId?: string; year: number }, permission: 'register.read' | 'register.export' = 'register.read'): Promise<RegisterSheet> {
  const roles = rolesOrNotFound(actor, agencyId, 'Sổ đăng ký');
  requirePermission(roles, permission, 'Bạn không có quyền xem sổ đăng ký văn bản đến.');
  const registers = await tx.registers.listByAgency(agencyId, { direction: 'incoming' });
  const register = input.registerId ? registers.find((r) => r.id === input.registerId) : registers.find((r) => r.year <= input.year && r.state === 'open') ?? registers[0];
  if (!register) {
    if (input.registerId) throw notFound('Sổ đăng ký');
    const agency = await tx.agencies.findById(agencyId);
    return { register: { id: '', name: 'Sổ đăng ký văn bản đến', year: input.year, volume: 1 }, agencyName: agency?.name ?? '', lines: [] };
  }
  const agency = await tx.agencies.findById(agencyId);
  const rows = await tx.incoming.registerRows(agencyId, register.id, input.year);
  return {
    register: { id: register.id, name: register.name, year: input.year, volume: register.volume },
    agencyName: agency?.name ?? '',
    lines: rows.map(({ document: d, passedTo, receivedBy }) => {
      const notes = [d.channel === 'paper' ? 'giấy' : '', d.state === 'cancelled' ? 'thu hồi' : '', d.state === 'replaced' ? 'bị thay thế' : '', d.duplicateOf ? 'đã kiểm tra trùng' : ''].filter(Boolean);
      return {
        incomingId: d.id,
        arrivalDate: d.registeredAt ? dmy(localDateOf(d.registeredAt)) : '',
        arrivalNumber: d.arrivalNumber === null ? '' : formatNumber(d.arrivalNumber),
        author: d.senderName,
        numberNotation: d.codeNotation ? `${d.codeNumber}/${d.codeNotation}` : d.codeNumber,
        documentDate: dmy(d.promulgationDate),
        typeAndAbstract: [d.typeName, d.subject].filter(Boolean).join(' — '),
        passedTo: passedTo.join('; '),
        passedOn: d.firstPassedAt ? `${dmy(localDateOf(d.firstPassedAt))} ${hm(d.firstPassedAt)}` : '',
        receipt: receivedBy && d.registeredAt ? `${receivedBy}, ${hm(d.registeredAt)} ${dmy(localDateOf(d.registeredAt))}` : '',
        note: notes.join('; '),
      };
    }),
  };
}
