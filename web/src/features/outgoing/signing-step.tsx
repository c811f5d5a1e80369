import type { OutgoingDocument } from '../../api/outgoing.ts';
import { SelectField, TextField } from '../../components/field.tsx';
import { choiceOf, SIGNER_POSITIONS, signerBoxFor, type SignerBox, type SignerPosition } from '../signing/geometry.ts';
import { SigningPreview } from '../signing/signing-preview.tsx';

/**
 * The leader's "ký số" step: where the signature goes on this document (page, column, height; the
 * standard box by default) and the preview of where the signature and, later, the seal land.
 * The server checks the box against the file's pages when signing.
 */
export function SignerPlacement({ value, onChange, signerName, agencyName }: {
  value: SignerBox | null;
  onChange(box: SignerBox | null): void;
  signerName?: string | undefined;
  agencyName?: string | undefined;
}) {
  const choice = choiceOf(value);
  const set = (next: Partial<typeof choice>) => {
    const c = { ...choice, ...next };
    const standard = c.page === null && c.position === 'right' && c.fromBottomMm === 60;
    onChange(standard ? null : signerBoxFor(c.page, c.position, c.fromBottomMm));
  };
  return (
    <section className="signing-step" aria-label="Vị trí chữ ký số">
      <h3>Vị trí chữ ký trên văn bản</h3>
      <div className="grid-3">
        <TextField label="Trang đặt chữ ký" type="number" min={1} inputMode="numeric" placeholder="Trang cuối" value={choice.page ?? ''}
          hint="Để trống: trang cuối (nơi có khối chữ ký)."
          onChange={(e) => set({ page: e.target.value === '' ? null : Math.max(1, Math.floor(Number(e.target.value))) })} />
        <SelectField label="Vị trí theo chiều ngang" value={choice.position} options={SIGNER_POSITIONS}
          onChange={(e) => set({ position: e.target.value as SignerPosition })} />
        <TextField label="Cách mép dưới trang (mm)" type="number" min={0} max={280} value={choice.fromBottomMm}
          onChange={(e) => set({ fromBottomMm: Number(e.target.value) || 0 })} />
      </div>
      <SigningPreview box={value} signerName={signerName} agencyName={agencyName} />
    </section>
  );
}

/** The clerk's issue step: where the seal will land, over the signer's image at the document's box. */
export function SealPreview({ doc, signerName, agencyName }: { doc: OutgoingDocument; signerName?: string | undefined; agencyName?: string | undefined }) {
  return (
    <section className="signing-step" aria-label="Vị trí con dấu">
      <h3>Vị trí chữ ký và con dấu khi phát hành</h3>
      <SigningPreview box={doc.signerBox} signerName={signerName} agencyName={agencyName} />
    </section>
  );
}
