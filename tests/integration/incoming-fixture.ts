/** A Sở Nội vụ document in every handling stage, made through the use cases (no logins), for outsider and policy tests. */
import { Readable } from 'node:stream';
import type { Actor } from '../../server/app/actor.ts';
import { createFile } from '../../server/app/files/create-file.ts';
import { assignIncomingDocument } from '../../server/app/incoming/assign-incoming-document.ts';
import { createCaseFile } from '../../server/app/incoming/case-files.ts';
import { createExtension } from '../../server/app/incoming/create-extension.ts';
import { forwardAssignment } from '../../server/app/incoming/forward-assignment.ts';
import { registerIncomingDocument } from '../../server/app/incoming/register-incoming-document.ts';
import type { Role } from '../../server/domain/access/roles.ts';
import { NAMES, type TestEnv } from './harness.ts';
import { arriveFromStc, FakeSigning, incomingDeps, UNIT_CCVC } from './incoming-helpers.ts';

export async function actorOf(e: TestEnv, username: string): Promise<Actor> {
  const u = await e.database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const grants = await e.database.db.selectFrom('user_roles').select(['agency_id', 'role']).where('user_id', '=', u.id).execute();
  const servedRoles: Record<string, Role[]> = {};
  for (const g of grants.filter((g) => g.agency_id !== u.agency_id)) (servedRoles[g.agency_id] ??= []).push(g.role as Role);
  return { userId: u.id, username: u.username, fullName: u.full_name, agencyId: u.agency_id, unitId: u.unit_id, roles: grants.filter((g) => g.agency_id === u.agency_id).map((g) => g.role as Role), servedRoles };
}

export interface SnvFixture {
  arrivedId: string;
  documentId: string;
  directedId: string;
  unitAssignmentId: string;
  personAssignmentId: string;
  extensionId: string;
  fileId: string;
  caseFileId: string;
  workingFileId: string;
}

const cache = new WeakMap<object, Promise<SnvFixture>>();

export function snvFixture(e: TestEnv): Promise<SnvFixture> {
  let f = cache.get(e.database);
  if (!f) {
    f = build(e);
    cache.set(e.database, f);
  }
  return f;
}

async function build(e: TestEnv): Promise<SnvFixture> {
  const deps = incomingDeps(e, new FakeSigning());
  const arrived = await arriveFromStc(e, deps, { number: '901', subject: 'Văn bản chờ vào sổ' });
  const directed = await arriveFromStc(e, deps, { number: '902', subject: 'Văn bản đã phân công' });
  const [clerk, leader, head, specialist] = await Promise.all(['vanthu.snv', 'giamdoc.snv', 'truongphong.snv', 'chuyenvien.snv'].map((u) => actorOf(e, u)));
  const unit = await e.database.db.selectFrom('units').select('id').where('agency_id', '=', await e.agencyId(NAMES.SNV)).where('name', '=', UNIT_CCVC).executeTakeFirstOrThrow();
  await e.deps.uow.run((tx) => registerIncomingDocument(tx, deps, clerk!, directed.id, {}));
  await e.deps.uow.run((tx) => assignIncomingDocument(tx, deps, leader!, directed.id, { instruction: 'Phòng CCVC chủ trì', lead: { unitId: unit.id } }));
  const unitAssignment = await e.database.db.selectFrom('assignments').select('id').where('incoming_id', '=', directed.id).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const person = await e.deps.uow.run((tx) => forwardAssignment(tx, deps, head!, unitAssignment.id, { userId: specialist!.userId }));
  const ext = await e.deps.uow.run((tx) => createExtension(tx, deps, specialist!, person.id, { reason: 'Cần thêm số liệu', proposedDeadline: '2099-12-31' }));
  const file = await e.database.db.selectFrom('incoming_files').select('id').where('incoming_id', '=', directed.id).executeTakeFirstOrThrow();
  const caseFile = await e.deps.uow.run((tx) => createCaseFile(tx, deps, specialist!, { agencyId: specialist!.agencyId, title: 'Hồ sơ biên chế', notation: `HS-${Date.now() % 100000}` }));
  const upload = await createFile({ uow: e.deps.uow, files: e.deps.files }, specialist!, { source: Readable.from([Buffer.from('%PDF-1.4\nworking\n%%EOF\n')]), originalName: 'du-thao.pdf', maxBytes: 1 << 20 });
  return {
    arrivedId: arrived.id, documentId: directed.documentId, directedId: directed.id, unitAssignmentId: unitAssignment.id, personAssignmentId: person.id,
    extensionId: ext.id, fileId: file.id, caseFileId: caseFile.id, workingFileId: upload.id,
  };
}
