import { useState } from 'react';
import { findSigningImages, findSigningKeys, signingImageUrl } from '../../api/signing.ts';
import { findUsers } from '../../api/users.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { CertificateSection } from './certificate-section.tsx';
import { ImageSection } from './image-section.tsx';
import { SigningPreview } from './signing-preview.tsx';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Chữ ký số của cơ quan: certificates, seal and signature images, and where they land on the page. */
export function SigningAdminPage() {
  const me = useMe();
  const { data, error, loading, reload } = useLoad(async (signal) => {
    const [keys, images, users] = await Promise.all([findSigningKeys(signal), findSigningImages(signal), findUsers(signal)]);
    return { keys, images, users };
  }, [me.agency.id]);
  const [previewUser, setPreviewUser] = useState('');
  const inForce = (kind: 'seal' | 'signature', userId: string | null) =>
    data?.images.find((i) => i.kind === kind && i.userId === userId && i.validFrom <= today() && (!i.validTo || i.validTo >= today()));
  const seal = inForce('seal', null);
  const signature = previewUser ? inForce('signature', previewUser) : undefined;
  const signers = (data?.users ?? []).filter((u) => u.roles.some((g) => g.agencyId === me.agency.id && (g.role === 'leader' || g.role === 'deputy_leader')));

  return (
    <Page title="Chữ ký số của cơ quan" subtitle={me.agency.name}>
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <CertificateSection keys={data.keys} users={data.users} onChanged={reload} />
          <div className="grid-2">
            <ImageSection images={data.images} users={data.users} onChanged={reload} />
            <Panel title="Xem trước vị trí chữ ký và con dấu">
              <SelectField label="Người ký" value={previewUser} onChange={(e) => setPreviewUser(e.target.value)} placeholder="— Chữ ký mẫu —"
                options={signers.map((u) => ({ value: u.id, label: `${u.fullName} (${u.title})` }))} />
              <SigningPreview
                sealUrl={seal ? signingImageUrl(seal.id) : undefined}
                signatureUrl={signature ? signingImageUrl(signature.id) : undefined}
                sealDiameterMm={seal?.diameterMm ?? 36}
                signerName={signers.find((u) => u.id === previewUser)?.fullName}
                agencyName={me.agency.name}
              />
            </Panel>
          </div>
        </>
      )}
    </Page>
  );
}
