import { createBrowserRouter } from 'react-router';
import { AppShell } from '../components/app-shell.tsx';
import { AgencyDetailPage } from '../features/agencies/agency-detail-page.tsx';
import { AgencyDirectoryPage } from '../features/agencies/agency-directory-page.tsx';
import { AgencyFormPage } from '../features/agencies/agency-form-page.tsx';
import { AgencyImportPage } from '../features/agencies/agency-import-page.tsx';
import { ChangePasswordPage } from '../features/auth/change-password-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { MyAgencyPage } from '../features/home/my-agency-page.tsx';
import { UserCreatePage } from '../features/users/user-create-page.tsx';
import { UserEditPage } from '../features/users/user-edit-page.tsx';
import { UserListPage } from '../features/users/user-list-page.tsx';
import { NotFoundPage, RequireAbility, RequireSession } from './guards.tsx';
import { IncomingDetailPage } from '../features/incoming/incoming-detail-page.tsx';
import { IncomingListPage } from '../features/incoming/incoming-list-page.tsx';
import { IncomingRegisterPage } from '../features/incoming/incoming-register-page.tsx';
import { MyWorkPage } from '../features/incoming/my-work-page.tsx';
import { NotificationsPage } from '../features/incoming/notifications.tsx';
import { PaperEntryPage } from '../features/incoming/paper-entry-page.tsx';

const DIRECTORY = ['directory.read', 'directory.manage'];
const DIRECTORY_MANAGE = ['directory.manage'];
const USERS = ['user.manage'];

export const router = createBrowserRouter([
  { path: '/dang-nhap', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <MyAgencyPage /> },
          { path: 'co-quan', element: <RequireAbility anyOf={DIRECTORY}><AgencyDirectoryPage /></RequireAbility> },
          { path: 'co-quan/moi', element: <RequireAbility anyOf={DIRECTORY_MANAGE}><AgencyFormPage /></RequireAbility> },
          { path: 'co-quan/nhap-xuat', element: <RequireAbility anyOf={DIRECTORY_MANAGE}><AgencyImportPage /></RequireAbility> },
          { path: 'co-quan/:id', element: <RequireAbility anyOf={DIRECTORY}><AgencyDetailPage /></RequireAbility> },
          { path: 'co-quan/:id/sua', element: <RequireAbility anyOf={DIRECTORY_MANAGE}><AgencyFormPage /></RequireAbility> },
          { path: 'nguoi-dung', element: <RequireAbility anyOf={USERS}><UserListPage /></RequireAbility> },
          { path: 'nguoi-dung/moi', element: <RequireAbility anyOf={USERS}><UserCreatePage /></RequireAbility> },
          { path: 'nguoi-dung/:id', element: <RequireAbility anyOf={USERS}><UserEditPage /></RequireAbility> },
          { path: 'doi-mat-khau', element: <ChangePasswordPage /> },
          { path: 'van-ban-den', element: <IncomingListPage /> },
          { path: 'van-ban-den/nhap-van-ban-giay', element: <RequireAbility anyOf={['incoming.register']}><PaperEntryPage /></RequireAbility> },
          { path: 'van-ban-den/:id', element: <IncomingDetailPage /> },
          { path: 'viec-cua-toi', element: <MyWorkPage /> },
          { path: 'so-van-ban-den', element: <RequireAbility anyOf={['register.read']}><IncomingRegisterPage /></RequireAbility> },
          { path: 'thong-bao', element: <NotificationsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
