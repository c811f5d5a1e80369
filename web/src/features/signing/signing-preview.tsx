import { A4, defaultSignerBox, sealBox, stampFieldBoxes, type Box, type SignerBox } from './geometry.ts';

/**
 * Where the signatures will land, before anyone signs: the page with the signer's image (box 7c:
 * the document's chosen box, else the standard one on the last page), the red seal over its left
 * third (box 8) and, on the first page, the number and date fields filled after the personal
 * signature. A schematic at scale, not a rendering of the file.
 */
export function SigningPreview({ signatureUrl, sealUrl, sealDiameterMm = 36, signerName, agencyName, box }: {
  signatureUrl?: string | undefined;
  sealUrl?: string | undefined;
  sealDiameterMm?: number;
  signerName?: string | undefined;
  agencyName?: string | undefined;
  /** The document's box 7c; absent or null: the standard box on the last page. */
  box?: SignerBox | null | undefined;
}) {
  const scale = 0.42;
  const signer: Box = box ?? defaultSignerBox();
  const where = !box || box.page === null ? 'trang cuối' : `trang ${box.page}`;
  const seal = sealBox(signer, sealDiameterMm);
  const fields = stampFieldBoxes();
  // SVG y grows downwards; PDF y grows upwards.
  const r = (b: Box) => ({ x: b.x * scale, y: (A4.height - b.y - b.height) * scale, width: b.width * scale, height: b.height * scale });
  const [s, d, n, l] = [r(signer), r(seal), r(fields.number), r(fields.dateLine)];
  const width = A4.width * scale;
  const height = A4.height * scale;
  return (
    <figure className="signing-preview">
      <svg role="img" aria-labelledby="signing-preview-title" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <title id="signing-preview-title">Sơ đồ vị trí chữ ký số trên trang A4</title>
        <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="#fff" stroke="#9aa4b2" />
        {[0.14, 0.18, 0.3, 0.34, 0.38, 0.42, 0.46, 0.5, 0.54, 0.58].map((f) => (
          <line key={f} x1={30 * 2.835 * scale} x2={width - 15 * 2.835 * scale} y1={height * f} y2={height * f} stroke="#e3e7ed" strokeWidth={3} />
        ))}
        <rect data-box="number" {...n} fill="none" stroke="#1f4e8c" strokeDasharray="3 2" />
        <text x={n.x + 2} y={n.y + n.height - 3} fontSize={7} fill="#1f4e8c">Số, ký hiệu</text>
        <rect data-box="date" {...l} fill="none" stroke="#1f4e8c" strokeDasharray="3 2" />
        <text x={l.x + 2} y={l.y + l.height - 3} fontSize={7} fill="#1f4e8c">Địa danh, ngày tháng</text>
        <rect data-box="signature" {...s} fill="#eef4fb" stroke="#1f4e8c" />
        {signatureUrl ? <image href={signatureUrl} {...s} preserveAspectRatio="xMidYMid meet" /> : <text x={s.x + 4} y={s.y + s.height / 2} fontSize={8} fill="#1f4e8c" fontStyle="italic">{signerName ?? 'Chữ ký người có thẩm quyền'}</text>}
        {sealUrl ? (
          <image data-box="seal" href={sealUrl} {...d} preserveAspectRatio="xMidYMid meet" opacity={0.9} />
        ) : (
          <circle data-box="seal" cx={d.x + d.width / 2} cy={d.y + d.height / 2} r={d.width / 2 - 1} fill="none" stroke="#c8102e" strokeWidth={2} />
        )}
        <text x={d.x + d.width / 2} y={d.y + d.height / 2 + 3} fontSize={7} textAnchor="middle" fill="#c8102e">{sealUrl ? '' : agencyName ?? 'Con dấu'}</text>
      </svg>
      <figcaption className="hint">
        Chữ ký của người có thẩm quyền ở ô 7c {where}; con dấu (đường kính {sealDiameterMm} mm, đúng kích thước thật) chồng lên khoảng 1/3 bên trái chữ ký; số và ngày ban hành điền vào ô 3, ô 4 trang đầu sau khi ký, không làm mất hiệu lực chữ ký. Phụ lục trong tệp riêng mang chữ ký số của cơ quan dạng chữ ở góc trên bên phải trang đầu.
      </figcaption>
    </figure>
  );
}
