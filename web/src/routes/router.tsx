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
import { SearchPage } from '../features/search/search-page.tsx';
import { AgencyDrilldownPage } from '../features/reports/agency-drilldown-page.tsx';
import { EvaluationReportsPage } from '../features/reports/evaluation-reports-page.tsx';
import { SupervisorDashboardPage } from '../features/reports/supervisor-dashboard-page.tsx';
import { WorkloadPage } from '../features/reports/workload-page.tsx';
import { SigningAdminPage } from '../features/signing/signing-admin-page.tsx';
import { TrustAdminPage } from '../features/signing/trust-admin-page.tsx';
import { WorkCalendarPage } from '../features/calendar/work-calendar-page.tsx';
import { ReceivingSuspensionsPage } from '../features/agencies/receiving-suspensions-page.tsx';
import { ValidatePdfPage } from '../features/signing/validate-pdf-page.tsx';
import { DeadLettersPage } from '../features/hub/dead-letters-page.tsx';
import { HubOverviewPage } from '../features/hub/hub-overview-page.tsx';
import { PackageTracePage } from '../features/hub/package-trace-page.tsx';
import { RegisterPeerPage } from '../features/hub/register-peer-page.tsx';
import { EditPeerPage } from '../features/hub/edit-peer-page.tsx';
import { DraftEditorPage } from '../features/outgoing/draft-editor-page.tsx';
import { OutgoingDetailPage } from '../features/outgoing/outgoing-detail-page.tsx';
import { InternalDocumentsPage } from '../features/outgoing/internal-documents-page.tsx';
import { OutgoingListPage } from '../features/outgoing/outgoing-list-page.tsx';
import { OutgoingRegisterPage } from '../features/outgoing/outgoing-register-page.tsx';
import { SigningGrantsPage } from '../features/outgoing/signing-grants-page.tsx';
import { NotFoundPage, RequireAbility, RequireSession } from './guards.tsx';
import { IncomingDetailPage } from '../features/incoming/incoming-detail-page.tsx';
import { IncomingListPage } from '../features/incoming/incoming-list-page.tsx';
import { IncomingRegisterPage } from '../features/incoming/incoming-register-page.tsx';
import { DeadlineSettingsPage } from '../features/incoming/deadline-settings-page.tsx';
import { DelegationsPage } from '../features/delegations/delegations-page.tsx';
import { CaseFilesPage } from '../features/incoming/case-files-page.tsx';
import { UnlinkedChangesPage } from '../features/incoming/unlinked-changes-page.tsx';
import { MyWorkPage } from '../features/incoming/my-work-page.tsx';
import { NotificationsPage } from '../features/incoming/notifications.tsx';
import { PaperEntryPage } from '../features/incoming/paper-entry-page.tsx';

const DIRECTORY = ['directory.read', 'directory.manage'];
const DIRECTORY_MANAGE = ['directory.manage'];
const USERS = ['user.manage'];
const SUPERVISION = ['report.province'];
const WORKLOAD = ['report.agency'];
const HUB = ['hub.operate'];
const OUTGOING = ['draft.create', 'draft.review', 'document.sign', 'document.issue', 'register.read'];
/** Văn bản nội bộ: members of units (specialists, heads) and leaders. */
const INTERNAL = ['draft.create', 'assignment.work'];

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
          { path: 'tim-kiem', element: <RequireAbility anyOf={['document.search']}><SearchPage /></RequireAbility> },
          { path: 'giam-sat', element: <RequireAbility anyOf={SUPERVISION}><SupervisorDashboardPage /></RequireAbility> },
          { path: 'giam-sat/co-quan/:id', element: <RequireAbility anyOf={SUPERVISION}><AgencyDrilldownPage /></RequireAbility> },
          { path: 'giam-sat/bao-cao', element: <RequireAbility anyOf={SUPERVISION}><EvaluationReportsPage /></RequireAbility> },
          { path: 'cong-viec', element: <RequireAbility anyOf={WORKLOAD}><WorkloadPage /></RequireAbility> },
          { path: 'kiem-tra-chu-ky', element: <RequireAbility anyOf={['signature.validate']}><ValidatePdfPage /></RequireAbility> },
          { path: 'chu-ky-so', element: <RequireAbility anyOf={['agency.configure']}><SigningAdminPage /></RequireAbility> },
          { path: 'nguon-tin-cay', element: <RequireAbility anyOf={['hub.operate']}><TrustAdminPage /></RequireAbility> },
          { path: 'lich-lam-viec', element: <RequireAbility anyOf={['hub.operate']}><WorkCalendarPage /></RequireAbility> },
          { path: 'tam-dung-nhan', element: <RequireAbility anyOf={['hub.operate']}><ReceivingSuspensionsPage /></RequireAbility> },
          { path: 'truc-lien-thong', element: <RequireAbility anyOf={HUB}><HubOverviewPage /></RequireAbility> },
          { path: 'truc-lien-thong/dung-chuyen', element: <RequireAbility anyOf={HUB}><DeadLettersPage /></RequireAbility> },
          { path: 'truc-lien-thong/tra-cuu', element: <RequireAbility anyOf={HUB}><PackageTracePage /></RequireAbility> },
          { path: 'truc-lien-thong/dang-ky-truc', element: <RequireAbility anyOf={HUB}><RegisterPeerPage /></RequireAbility> },
          { path: 'truc-lien-thong/truc/:id/sua', element: <RequireAbility anyOf={HUB}><EditPeerPage /></RequireAbility> },
          { path: 'van-ban-di', element: <RequireAbility anyOf={OUTGOING}><OutgoingListPage /></RequireAbility> },
          { path: 'van-ban-noi-bo', element: <RequireAbility anyOf={INTERNAL}><InternalDocumentsPage /></RequireAbility> },
          { path: 'van-ban-di/moi', element: <RequireAbility anyOf={['draft.create']}><DraftEditorPage /></RequireAbility> },
          { path: 'van-ban-di/so', element: <RequireAbility anyOf={['register.read']}><OutgoingRegisterPage /></RequireAbility> },
          { path: 'van-ban-di/:id', element: <RequireAbility anyOf={OUTGOING}><OutgoingDetailPage /></RequireAbility> },
          { path: 'van-ban-di/:id/sua', element: <RequireAbility anyOf={['draft.create']}><DraftEditorPage /></RequireAbility> },
          { path: 'van-ban-den', element: <IncomingListPage /> },
          { path: 'van-ban-den/nhap-van-ban-giay', element: <RequireAbility anyOf={['incoming.register']}><PaperEntryPage /></RequireAbility> },
          { path: 'van-ban-den/:id', element: <IncomingDetailPage /> },
          { path: 'viec-cua-toi', element: <MyWorkPage /> },
          { path: 'so-van-ban-den', element: <RequireAbility anyOf={['register.read']}><IncomingRegisterPage /></RequireAbility> },
          { path: 'thong-bao', element: <NotificationsPage /> },
          { path: 'tham-quyen-ky', element: <RequireAbility anyOf={['agency.configure']}><SigningGrantsPage /></RequireAbility> },
          { path: 'yeu-cau-chua-khop', element: <RequireAbility anyOf={['incoming.register']}><UnlinkedChangesPage /></RequireAbility> },
          { path: 'ho-so-cong-viec', element: <RequireAbility anyOf={['casefile.manage']}><CaseFilesPage /></RequireAbility> },
          { path: 'uy-quyen', element: <RequireAbility anyOf={['delegation.manage']}><DelegationsPage /></RequireAbility> },
          { path: 'han-xu-ly', element: <RequireAbility anyOf={['agency.configure']}><DeadlineSettingsPage /></RequireAbility> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
