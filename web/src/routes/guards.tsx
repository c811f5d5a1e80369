import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/alert.tsx';
import { Loading, Page } from '../components/page.tsx';
import { useSession } from '../features/auth/session.tsx';

/** Pages below need a session; without one the user goes to the login page and comes back after. */
export function RequireSession() {
  const { me, loadError } = useSession();
  const location = useLocation();
  if (me === undefined) return <div className="center-screen"><Loading label="Đang kiểm tra phiên làm việc…" /></div>;
  if (me === null) {
    return (
      <>
        {loadError && <ErrorAlert message={loadError} />}
        <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />
      </>
    );
  }
  return <Outlet />;
}

/** Hides a screen the user's abilities do not open (the server refuses it anyway). */
export function RequireAbility({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const { can } = useSession();
  if (anyOf.some((p) => can(p))) return <>{children}</>;
  return <NotFoundPage />;
}

export function NotFoundPage() {
  return (
    <Page title="Không tìm thấy trang">
      <p>Trang này không tồn tại hoặc bạn không có quyền xem.</p>
      <p><Link to="/">Về trang chủ</Link></p>
    </Page>
  );
}
