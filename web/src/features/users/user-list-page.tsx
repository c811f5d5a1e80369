import { useState } from 'react';
import { Link } from 'react-router';
import { fold } from '../agencies/format.ts';
import { findUnits } from '../../api/agencies.ts';
import { findUsers } from '../../api/users.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';

/** Quản trị người dùng: the users of the administrator's own agency. */
export function UserListPage() {
  const me = useMe();
  const [filter, setFilter] = useState('');
  const { data, error, loading } = useLoad(async (signal) => {
    const [users, units] = await Promise.all([findUsers(signal), findUnits(me.agency.id, signal).catch(() => [])]);
    return { users, units: new Map(units.map((u) => [u.id, u.name])) };
  }, [me.agency.id]);
  const key = fold(filter);
  const users = (data?.users ?? []).filter((u) => !key || fold(`${u.fullName} ${u.username} ${u.title}`).includes(key));

  return (
    <Page title="Quản trị người dùng" subtitle={me.agency.name} actions={<Link className="button button-primary" to="/nguoi-dung/moi">Thêm người dùng</Link>}>
      <div className="filters">
        <TextField label="Lọc theo tên, tên đăng nhập, chức vụ" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="result-count" role="status" aria-live="polite">{users.length} người dùng.</p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Người dùng của {me.agency.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  <th scope="col">Tên đăng nhập</th>
                  <th scope="col">Chức vụ</th>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Vai trò</th>
                  <th scope="col">Trạng thái</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className={u.active ? undefined : 'row-inactive'}>
                    <th scope="row"><Link to={`/nguoi-dung/${u.id}`}>{u.fullName}</Link></th>
                    <td className="mono">{u.username}</td>
                    <td>{u.title}</td>
                    <td>{u.unitId ? data.units.get(u.unitId) ?? '' : ''}</td>
                    <td>{u.roles.filter((g) => g.agencyId === u.agencyId).map((g) => g.label).join(', ')}</td>
                    <td>{!u.active ? <span className="badge badge-muted">Đã khóa</span> : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? <span className="badge badge-muted">Tạm khóa do đăng nhập sai</span> : 'Đang hoạt động'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
