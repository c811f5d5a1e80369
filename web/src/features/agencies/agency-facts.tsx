import { LEVEL_LABELS, type AgencyDetail } from '../../api/agencies.ts';
import { period } from './format.ts';

/** The description list of one agency, shared by "Cơ quan của tôi" and the directory detail. */
export function AgencyFacts({ detail }: { detail: AgencyDetail }) {
  const { agency, parent, servedBy, focalPoint } = detail;
  return (
    <dl className="facts">
      <div><dt>Tên cơ quan</dt><dd>{agency.name}</dd></div>
      <div><dt>Tên viết gọn</dt><dd>{agency.shortName}</dd></div>
      <div>
        <dt>Mã định danh</dt>
        <dd>
          {agency.code ? <span className="mono">{agency.code}</span> : 'Chưa có'}
          {agency.code && agency.codeIsSample && <span className="badge badge-muted">Mã mẫu, chưa xác nhận</span>}
        </dd>
      </div>
      <div><dt>Cấp</dt><dd>{LEVEL_LABELS[agency.level] ?? agency.level}</dd></div>
      {parent && <div><dt>Cơ quan cấp trên</dt><dd>{parent.name}</dd></div>}
      {servedBy && servedBy.id !== agency.id && <div><dt>Cơ quan giúp việc gửi, nhận</dt><dd>{servedBy.name}</dd></div>}
      {agency.abbreviation && <div><dt>Chữ viết tắt</dt><dd>{agency.abbreviation}</dd></div>}
      <div><dt>Đầu mối gửi, nhận văn bản</dt><dd>{focalPoint ? focalPoint.name : 'Chưa chỉ định'}</dd></div>
      {agency.contactEmail && <div><dt>Thư điện tử</dt><dd>{agency.contactEmail}</dd></div>}
      {agency.address && <div><dt>Địa chỉ</dt><dd>{agency.address}</dd></div>}
      {(agency.existedFrom || agency.existedTo) && <div><dt>Thời gian hoạt động</dt><dd>{period(agency.existedFrom, agency.existedTo)}</dd></div>}
      <div><dt>Trạng thái</dt><dd>{agency.active ? 'Đang hoạt động' : <span className="badge badge-muted">Ngừng hoạt động</span>}</dd></div>
    </dl>
  );
}
