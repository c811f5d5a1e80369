import { describe, expect, it } from 'vitest';
import * as server from '../../../domain/signature/appearance-geometry.ts';
import { defaultSignerBox as serverSignerBox } from './stamp-positions.ts';
import { A4, choiceOf, defaultSignerBox, sealBox, signerBoxFor, stampFieldBoxes } from '../../../../web/src/features/signing/geometry.ts';
import { signerBoxError } from '../../../domain/signature/signer-box.ts';

// The web app's signing preview keeps its own copy of these rules (it cannot import server code).
describe('the web signing preview geometry matches the server’s', () => {
  it('signer box, seal box and stamp fields', () => {
    expect(defaultSignerBox()).toEqual(serverSignerBox(A4));
    expect(sealBox(defaultSignerBox(), 36)).toEqual(server.sealBox(defaultSignerBox(), 36));
    expect(stampFieldBoxes()).toEqual(server.stampFieldBoxes(A4));
  });

  it('the signing step’s simple choices give boxes the server accepts; right at 60 mm is the standard box', () => {
    expect(signerBoxFor(null, 'right', 60)).toEqual({ page: null, ...serverSignerBox(A4) });
    for (const position of ['right', 'centre', 'left'] as const) {
      for (const fromBottomMm of [20, 60, 150, 240]) {
        const box = signerBoxFor(1, position, fromBottomMm);
        expect(signerBoxError(box, [A4])).toBeNull();
        expect(choiceOf(box)).toEqual({ page: 1, position, fromBottomMm });
      }
    }
    expect(signerBoxError(signerBoxFor(null, 'right', 290), [A4])).toMatch(/vượt ra ngoài trang cuối/);
  });
});
