import { describe, expect, it } from 'vitest';
import * as server from '../../../domain/signature/appearance-geometry.ts';
import { defaultSignerBox as serverSignerBox } from './stamp-positions.ts';
import { A4, defaultSignerBox, sealBox, stampFieldBoxes } from '../../../../web/src/features/signing/geometry.ts';

// The web app's signing preview keeps its own copy of these rules (it cannot import server code).
describe('the web signing preview geometry matches the server’s', () => {
  it('signer box, seal box and stamp fields', () => {
    expect(defaultSignerBox()).toEqual(serverSignerBox(A4));
    expect(sealBox(defaultSignerBox(), 36)).toEqual(server.sealBox(defaultSignerBox(), 36));
    expect(stampFieldBoxes()).toEqual(server.stampFieldBoxes(A4));
  });
});
