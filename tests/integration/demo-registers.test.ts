import { expect, it, vi } from 'vitest';
import { seedDemoProvince } from '../../server/adapters/db/seed/seed-demo-province.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { loginAll, post, signedDocument } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 300_000 });

describeEachEngine('the demo start opens this year’s registers', {}, (env) => {
  it('every agency with demo users has open outgoing and incoming registers, so a clerk issues at once', async () => {
    const e = env();
    const first = await seedDemoProvince(e.database.db, { hasher: e.deps.hasher, clock: e.clock });
    expect(first.registers).toBeGreaterThan(0);
    for (const name of [NAMES.SNV, NAMES.STC]) {
      const registers = await e.database.db.selectFrom('registers').select(['direction', 'year', 'state']).where('agency_id', '=', await e.agencyId(name)).execute();
      expect(registers.filter((r) => r.state === 'open').map((r) => `${r.direction}/${r.year}`).sort()).toEqual(['copy/2026', 'incoming/2026', 'outgoing/2026']);
    }
    const a = await loginAll(e);
    const id = await signedDocument(e, a, [NAMES.STC]);
    const issued = await post(e, a.clerk, `/api/outgoing/${id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ state: 'issued', codeNumber: '01' });
    // A công văn of a demo unit gets its notation with the unit's abbreviation.
    const letter = await signedDocument(e, a, [NAMES.STC], { typeCode: 'official_letter', subject: 'V/v báo cáo biên chế' });
    expect((await post(e, a.clerk, `/api/outgoing/${letter}/issue`)).json()).toMatchObject({ state: 'issued', codeNotation: 'SNV-CCVC' });
  });
});
