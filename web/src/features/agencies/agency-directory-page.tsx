import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { findAgencies, LEVEL_LABELS, type AgencyLevel } from '../../api/agencies.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { treeOrder, visibleTreeRows, type VisibleRow } from './tree-order.ts';

const LEVEL_OPTIONS = (Object.keys(LEVEL_LABELS) as AgencyLevel[]).map((value) => ({ value, label: LEVEL_LABELS[value] }));

/** Danh bạ cơ quan: the province's tree as an indented table; search ignores diacritics (server-side). */
export function AgencyDirectoryPage() {
  const { canWrite } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const level = params.get('level') ?? '';
  const parent = params.get('parent') ?? '';
  const [draftQ, setDraftQ] = useState(q);
  const [draftLevel, setDraftLevel] = useState(level);
  const { data, error, loading } = useLoad((signal) => findAgencies({ q: q || undefined, level: level || undefined, parent: parent || undefined }, signal), [q, level, parent]);
  const filtered = Boolean(q || level || parent);
  const tree = data && !filtered ? treeOrder(data) : [];
  // The tree opens at the top level; districts unfold to their communes on demand.
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const open = expanded ?? new Set(tree.filter((r) => r.depth === 0).map((r) => r.agency.id));
  const rows: VisibleRow[] = data
    ? filtered
      ? data.map((agency) => ({ agency, depth: 0, hasChildren: false, expanded: false }))
      : visibleTreeRows(tree, open)
    : [];
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  const expandAll = (all: boolean) => setExpanded(new Set(all ? tree.filter((r) => tree.some((c) => c.agency.parentId === r.agency.id)).map((r) => r.agency.id) : []));
  // Search results name their parent: communes of different districts can share a name.
  const all = useLoad((signal) => (filtered ? findAgencies({}, signal) : Promise.resolve([])), [filtered]);
  const names = new Map((all.data ?? []).map((a) => [a.id, a.name]));

  function onSearch(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draftQ.trim()) next.set('q', draftQ.trim());
    if (draftLevel) next.set('level', draftLevel);
    if (parent) next.set('parent', parent);
    setParams(next);
  }

  function onClear() {
    setDraftQ('');
    setDraftLevel('');
    setParams(new URLSearchParams());
  }

  return (
    <Page
      title="Danh bạ cơ quan"
      subtitle="Các cơ quan, tổ chức trong tỉnh và mã định danh dùng để gửi, nhận văn bản."
      actions={canWrite('directory.manage') && <Link className="button button-primary" to="/co-quan/moi">Thêm cơ quan</Link>}
    >
      <form className="filters" role="search" aria-label="Tìm cơ quan" onSubmit={onSearch}>
        <TextField label="Tìm theo tên, tên viết gọn hoặc mã" type="search" name="q" value={draftQ} onChange={(e) => setDraftQ(e.target.value)} hint="Có thể gõ không dấu, ví dụ: so noi vu" />
        <SelectField label="Cấp" name="level" value={draftLevel} onChange={(e) => setDraftLevel(e.target.value)} options={LEVEL_OPTIONS} placeholder="Tất cả các cấp" />
        <div className="filters-actions">
          <button type="submit" className="button button-primary">Tìm kiếm</button>
          {filtered && <button type="button" className="button" onClick={onClear}>Xóa bộ lọc</button>}
        </div>
      </form>
      {parent && (
        <p className="filter-note">
          Đang xem các cơ quan trực thuộc. <button type="button" className="button-link" onClick={onClear}>Xem toàn bộ danh bạ</button>
        </p>
      )}
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {filtered ? `Tìm thấy ${data.length} cơ quan.` : `${data.length} cơ quan, xếp theo cây tổ chức.`}
          </p>
          {!filtered && (
            <div className="tree-actions">
              <button type="button" className="button-link" onClick={() => expandAll(true)}>Mở tất cả</button>
              <button type="button" className="button-link" onClick={() => expandAll(false)}>Thu gọn tất cả</button>
            </div>
          )}
          {rows.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Danh sách cơ quan</caption>
                <thead>
                  <tr>
                    <th scope="col">Tên cơ quan</th>
                    <th scope="col">Mã định danh</th>
                    <th scope="col">Cấp</th>
                    {filtered && <th scope="col">Cơ quan cấp trên</th>}
                    <th scope="col">Trạng thái</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ agency, depth, hasChildren, expanded: isOpen }) => (
                    <tr key={agency.id} className={agency.active ? undefined : 'row-inactive'}>
                      <th scope="row">
                        <span className="tree-indent" style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
                          {hasChildren ? (
                            <button type="button" className="tree-toggle" aria-expanded={isOpen} aria-label={`${isOpen ? 'Thu gọn' : 'Mở'} các cơ quan trực thuộc ${agency.name}`} onClick={() => toggle(agency.id)}>
                              <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                            </button>
                          ) : (
                            !filtered && <span className="tree-spacer" aria-hidden="true" />
                          )}
                          <Link to={`/co-quan/${agency.id}`}>{agency.name}</Link>
                        </span>
                      </th>
                      <td className="mono">{agency.code ?? ''}</td>
                      <td>{LEVEL_LABELS[agency.level] ?? agency.level}</td>
                      {filtered && <td>{agency.parentId ? names.get(agency.parentId) ?? '' : ''}</td>}
                      <td>{agency.active ? 'Hoạt động' : <span className="badge badge-muted">Ngừng hoạt động</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {rows.length === 0 && <p className="empty">Không có cơ quan nào phù hợp.</p>}
        </>
      )}
    </Page>
  );
}
