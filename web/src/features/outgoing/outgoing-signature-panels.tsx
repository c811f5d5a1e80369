import type { OutgoingDocument } from '../../api/outgoing.ts';
import { SignatureValidationPanel } from '../signing/validation-panel.tsx';

/**
 * The signature check of every PDF this document's screen opens: the issued file and its
 * attachments once issued; before that the file as the leader signed it, or the draft.
 */
export function OutgoingSignaturePanels({ doc }: { doc: OutgoingDocument }) {
  const files: { id: string; title: string }[] = [];
  if (doc.finalMainFileId) {
    files.push({ id: doc.finalMainFileId, title: 'Chữ ký số — văn bản đã ban hành' });
    for (const a of doc.finalAttachments) if (a.name.toLowerCase().endsWith('.pdf')) files.push({ id: a.fileId, title: `Chữ ký số — phụ lục ${a.name}` });
  } else if (doc.signedFileId) {
    files.push({ id: doc.signedFileId, title: 'Chữ ký số — văn bản đã ký' });
  } else if (doc.mainFileId) {
    files.push({ id: doc.mainFileId, title: 'Chữ ký số — dự thảo' });
  }
  return <>{files.map((f) => <SignatureValidationPanel key={f.id} fileId={f.id} title={f.title} />)}</>;
}
