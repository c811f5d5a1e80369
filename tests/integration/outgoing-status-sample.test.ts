/**
 * C56: the spec's own status sample, byte for byte, moves the issuer's view. Sở Nội vụ plays the
 * samples' issuer (its code becomes `000.00.12.H99`, its issued document takes the samples' DocumentId)
 * and a local organ plays UBND huyện Ví Dụ (`000.00.31.H99`).
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { sample } from '../../server/adapters/hub/testing/samples.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { sendPackage, storePackagePayload } from '../../server/app/hub/send-package.ts';
import { receiveStatuses } from '../../server/app/outgoing/receive-statuses.ts';
import { outgoingDepsOf } from '../../server/entry/outgoing/outgoing-deps.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { addLocalOrgan, hubDeps } from './hub-helpers.ts';
import { loginAll, openRegisters, post, sendStatusBack, signedDocument } from './outgoing-helpers.ts';

const ISSUER = '000.00.12.H99';
const VI_DU = 'UBND huyện Ví Dụ (thử)';
const SAMPLE_DOCUMENT_ID = '000.00.12.H99,2025/03/04,125/SXD-QLXD';

describeEachEngine('outgoing: the status sample applied at the issuer', { seed: true }, (env) => {
  it('C56: samples/status-03-registered.xml, applied after the document’s 01, moves the issuer’s view to registered; handed in again, it is applied once', async () => {
    const e = env();
    const snv = await e.agencyId(NAMES.SNV);
    const viDu = await addLocalOrgan(e, VI_DU, '000.00.31.H99');
    await e.database.db.updateTable('agency_codes').set({ code: ISSUER }).where('agency_id', '=', snv).where('valid_to', 'is', null).execute();
    await openRegisters(e);
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [VI_DU]);
    const issued = await post(e, a.clerk, `/api/outgoing/${id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    await deliverDue(hubDeps(e));
    await e.database.db.updateTable('outgoing_documents').set({ edxml_document_id: SAMPLE_DOCUMENT_ID }).where('id', '=', id).execute();
    const view = async () => {
      const t = (await e.request(a.clerk, { method: 'GET', url: `/api/outgoing/${id}/tracking` })).json();
      return t.recipients.find((r: { recipient: { name: string } }) => r.recipient.name === VI_DU);
    };

    await sendStatusBack(e, VI_DU, NAMES.SNV, SAMPLE_DOCUMENT_ID, '01');
    expect(await receiveStatuses(outgoingDepsOf(e.deps))).toMatchObject({ applied: 1 });
    expect(await view()).toMatchObject({ recipient: { businessStatus: '01' } });

    // The sample as it is, handed to the hub by Ví Dụ's system.
    const bytes = sample('status-03-registered.xml');
    const packageId = randomUUID();
    const send = async () => {
      const payload = await storePackagePayload(e.deps.files, bytes);
      return e.deps.uow.run((tx) => sendPackage(tx, { clock: e.clock }, {
        packageId, kind: 'status', senderAgencyId: viDu, senderCode: '000.00.31.H99', receiverCodes: [ISSUER], businessType: null, documentId: SAMPLE_DOCUMENT_ID, payload,
      }));
    };
    await send();
    await deliverDue(hubDeps(e));
    expect(await receiveStatuses(outgoingDepsOf(e.deps))).toEqual({ applied: 1, late: 0, flagged: 0, unmatched: 0 });
    const registered = await view();
    expect(registered).toMatchObject({ recipient: { businessStatus: '03', statusDescription: expect.stringContaining('số đến 457') }, statusName: 'Đã tiếp nhận' });
    // Events are listed by their own time, and the sample's 03 is dated 2025: the order of arrival is not the order shown.
    expect(registered.events.map((x: { statusCode: string }) => x.statusCode).sort()).toEqual(['01', '03']);

    // Handed in again (a retry of the same package): held once, applied once.
    await send();
    await deliverDue(hubDeps(e));
    await receiveStatuses(outgoingDepsOf(e.deps));
    expect((await view()).events.map((x: { statusCode: string }) => x.statusCode).sort()).toEqual(['01', '03']);
  });
});
