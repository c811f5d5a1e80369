import { useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { messageOf } from '../api/errors.ts';
import { useMe, useSession } from '../features/auth/session.tsx';
import { visibleNav } from '../routes/navigation.ts';
import { ErrorAlert } from './alert.tsx';
import { NotificationBell } from '../features/incoming/notifications.tsx';
import { HubAlarmBadge } from '../features/hub/hub-alarm-badge.tsx';

/** The signed-in frame: header with the agency and the user, role-aware navigation, content. */
export function AppShell() {
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const sections = visibleNav(me.abilities);

  async function onSignOut() {
    try {
      await signOut();
      navigate('/dang-nhap', { replace: true });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>
      <header className="topbar">
        <div className="brand">
          <span className="emblem" aria-hidden="true">★</span>
          <div>
            <p className="brand-system">Hệ thống quản lý văn bản điện tử liên thông</p>
            <p className="brand-agency">{me.agency.name}</p>
          </div>
        </div>
        <div className="user-box">
          <HubAlarmBadge />
          <NotificationBell />
          <div className="user-text">
            <p className="user-name">{me.user.fullName}</p>
            <p className="user-title">
              {[me.user.title, ...me.roles.map((r) => r.label).filter((l) => l !== me.user.title)].filter(Boolean).join(' · ')}
            </p>
          </div>
          <button type="button" className="button button-light" onClick={() => void onSignOut()}>Đăng xuất</button>
        </div>
      </header>
      <div className="body">
        <nav className="sidenav" aria-label="Điều hướng chính">
          {sections.map((section) => (
            <div key={section.title} className="nav-section">
              <p className="nav-title">{section.title}</p>
              <ul>
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? item.to === '/co-quan'}>{item.label}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="content">
          <ErrorAlert message={error} />
          {me.user.mustChangePassword && pathname !== '/doi-mat-khau' && (
            <div className="alert alert-warning" role="status">
              Bạn đang dùng mật khẩu được cấp. Hãy <NavLink to="/doi-mat-khau">đổi mật khẩu</NavLink> trước khi làm việc.
            </div>
          )}
          <Outlet />
        </main>
      </div>
      <footer className="footer">lienthong · Trục liên thông văn bản điện tử cấp tỉnh</footer>
    </div>
  );
}
