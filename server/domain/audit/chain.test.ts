import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH, type ChainedFields } from './chain.ts';

const event: ChainedFields = {
  seq: 1, occurredAt: '2026-03-02T02:00:00.000Z', type: 'user.created', actorUserId: null, actorAgencyId: null,
  agencyId: 'a', subjectType: 'user', subjectId: 'u', data: { b: 1, a: [1, { y: 2, x: 1 }] },
};

describe('audit hash chain', () => {
  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 1 } })).toBe(canonicalJson({ a: { c: 1, d: 2 }, b: 1 }));
  });
  it('any change of content or of the previous hash changes the hash', () => {
    const h = chainHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...event, data: { b: 2, a: [1, { y: 2, x: 1 }] } })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...event, subjectId: 'v' })).not.toBe(h);
    expect(chainHash('f'.repeat(64), event)).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...event, data: { a: [1, { x: 1, y: 2 }], b: 1 } })).toBe(h);
  });
});
