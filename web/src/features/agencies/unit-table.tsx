import type { Unit } from '../../api/agencies.ts';

export function UnitTable({ units, caption }: { units: Unit[]; caption: string }) {
  if (units.length === 0) return <p className="empty">Chưa có đơn vị nào.</p>;
  const byId = new Map(units.map((u) => [u.id, u]));
  const nested = units.some((u) => u.parentId);
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Tên đơn vị</th>
          <th scope="col">Ký hiệu</th>
          {nested && <th scope="col">Thuộc</th>}
          <th scope="col">Vai trò</th>
          <th scope="col">Trạng thái</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr key={u.id}>
            <th scope="row">{u.name}</th>
            <td>{u.abbreviation ?? ''}</td>
            {nested && <td>{u.parentId ? byId.get(u.parentId)?.name ?? '' : ''}</td>}
            <td>{u.isFocalPoint ? <span className="badge badge-focal">Đầu mối gửi, nhận</span> : ''}</td>
            <td>{u.active === false ? <span className="badge badge-muted">Ngừng hoạt động</span> : 'Hoạt động'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
