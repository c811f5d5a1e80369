import { describe, expect, it } from 'vitest';
import type { PeerRecord } from '../ports/hub.ts';
import { groupPeerFor, peerFor, peerMaySendFor, vietnamDay } from './routing.ts';

function peer(name: string, codePrefixes: string[], active = true): PeerRecord {
  return {
    id: name, name, codePrefixes, endpointUrl: 'https://peer.example/', certificatePem: null, outboundToken: null, signaturePolicy: 'required', certificateCheck: 'registered',
    maxPackageBytes: null, active, lastSuccessAt: null, lastFailureAt: null, consecutiveFailures: 0,
  };
}

describe('routing to peers (exchange.md §4.6)', () => {
  const axis = peer('axis', ['*']);
  const province = peer('province', ['H41']);
  const exact = peer('exact', ['000.00.12.H41']);

  it('takes the most specific route: exact code, then level-1 group, then the default route', () => {
    const peers = [axis, province, exact];
    expect(peerFor(peers, '000.00.12.H41')?.name).toBe('exact');
    expect(peerFor(peers, '000.00.13.H41')?.name).toBe('province');
    expect(peerFor(peers, '000.00.00.G22')?.name).toBe('axis');
    expect(peerFor([province], '000.00.00.G22')).toBeUndefined();
  });

  it('does not match a group by a partial suffix, and prefers an active peer to a deactivated one', () => {
    expect(peerFor([peer('p', ['H4'])], '000.00.12.H41')).toBeUndefined();
    expect(peerFor([peer('off', ['000.00.12.H41'], false), peer('on', ['*'])], '000.00.12.H41')?.name).toBe('on');
  });

  it('routes to a deactivated peer when no active one claims the code, so that its deliveries wait for it', () => {
    expect(peerFor([peer('off', ['H41'], false)], '000.00.12.H41')?.name).toBe('off');
    expect(peerFor([peer('off', ['H41'], false)], '000.00.12.H42')).toBeUndefined();
  });

  it('lets a peer send only for the codes it serves; the default route gives no right to send', () => {
    expect(peerMaySendFor(province, '000.00.12.H41')).toBe(true);
    expect(peerMaySendFor(province, '000.00.12.H42')).toBe(false);
    expect(peerMaySendFor(axis, '000.00.00.G22')).toBe(false);
  });

  it('finds the hub serving a code\'s whole province, so another province\'s agency in the directory is not delivered locally', () => {
    const endpoint = peer('endpoint', ['000.00.12.H41', '000.00.13.H41']);
    expect(groupPeerFor([axis, endpoint, province], '000.00.12.H41')?.name).toBe('province');
    expect(groupPeerFor([axis, endpoint], '000.00.12.H41')).toBeUndefined();
    expect(groupPeerFor([peer('off', ['H41'], false)], '000.00.12.H41')).toBeUndefined();
    expect(groupPeerFor([province], '000.00.12.H42')).toBeUndefined();
    // A peer that only hands packages in (no endpoint) may claim this deployment's own group: not a route away.
    expect(groupPeerFor([{ ...province, endpointUrl: null }], '000.00.12.H41')).toBeUndefined();
  });

  it('counts validity days in Vietnam time', () => {
    expect(vietnamDay(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
    expect(vietnamDay(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
  });
});
