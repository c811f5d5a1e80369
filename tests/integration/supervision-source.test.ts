import { expect, it } from 'vitest';
import { asOfInstant } from '../../server/domain/report/period.ts';
import { provinceReport } from '../../server/domain/report/province-report.ts';
import { EXPECTED, EXPECTED_PROVINCE, EXPECTED_R15 } from '../../server/domain/report/testing/expected.ts';
import { FIXTURE_CALENDAR, FIXTURE_PERIOD } from '../../server/domain/report/testing/fixture.ts';
import { describeEachEngine } from './harness.ts';
import { loadFixtureProvince } from './fixtures/supervision-province.ts';

describeEachEngine('supervision facts from the database', {}, (env) => {
  it('the SQL source (recorded facts, hub custody and dead deliveries, directory at T) gives the domain test’s exact figures', async () => {
    const e = env();
    const ids = await loadFixtureProvince(e.database.db, e.deps.uow);
    const back = new Map([...ids].map(([k, v]) => [v, k]));
    const asOf = asOfInstant(FIXTURE_PERIOD);
    const report = await e.deps.uow.run(async (tx) => {
      const agencies = await tx.supervision.loadAgencies(FIXTURE_PERIOD, asOf);
      const facts = await tx.supervision.loadFacts(new Date('2025-01-01T00:00:00Z'), asOf);
      return provinceReport(agencies, facts, { period: FIXTURE_PERIOD, asOf, calendar: FIXTURE_CALENDAR });
    });
    for (const row of report.agencies) expect(row.indicators, row.name).toEqual(EXPECTED[back.get(row.agencyId)!]);
    expect(report.province).toMatchObject(EXPECTED_PROVINCE);
    const r15 = JSON.parse(JSON.stringify(report.r15).replace(/[0-9a-f-]{36}/g, (id) => back.get(id) ?? id)) as unknown;
    expect(r15).toEqual(EXPECTED_R15);
  });

  it('refuses to record custody or a dead delivery (the hub’s tables hold those) and a malformed deadline', async () => {
    const e = env();
    const agencyId = (await e.database.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
    await expect(e.deps.uow.run((tx) => tx.supervisionFacts.record({ kind: 'outgoing.custody', agencyId, documentKey: 'x', occurredAt: new Date(), data: { receiverKey: 'y', scope: 'province' } } as never)))
      .rejects.toThrow(/not a fact the workflows record/);
    await expect(e.deps.uow.run((tx) => tx.supervisionFacts.record({ kind: 'incoming.deadline_set', agencyId, documentKey: 'x', occurredAt: new Date(), data: { deadline: '30/06/2026', unitId: null, userId: null } })))
      .rejects.toThrow(/YYYY-MM-DD/);
  });
});
