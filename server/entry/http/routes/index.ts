import type { RouteDef } from '../route.ts';
import { agencyRoutes } from './agencies/index.ts';
import { authRoutes } from './auth/index.ts';
import { documentTypeRoutes } from './document-types/index.ts';
import { fileRoutes } from './files/index.ts';
import { healthRoutes } from './health/index.ts';
import { hubRoutes } from './hub/index.ts';
import { registerRoutes } from './registers/index.ts';
import { reportRoutes } from './reports/index.ts';
import { unitRoutes } from './units/index.ts';
import { userRoutes } from './users/index.ts';
import { outgoingRoutes } from './outgoing/index.ts';
import { incomingRoutes } from './incoming/index.ts';
import { assignmentRoutes } from './assignments/index.ts';
import { caseFileRoutes } from './case-files/index.ts';
import { notificationRoutes } from './notifications/index.ts';
import { searchRoutes } from './search/index.ts';
import { signingRoutes } from './signing/index.ts';
import { calendarRoutes } from './calendar/index.ts';
import { delegationRoutes } from './delegations/index.ts';

/** Every HTTP operation. tests/integration/outsider.test.ts walks this table. */
export const allRoutes: RouteDef[] = [...healthRoutes, ...authRoutes, ...userRoutes, ...agencyRoutes, ...unitRoutes, ...registerRoutes, ...documentTypeRoutes, ...hubRoutes, ...fileRoutes, ...outgoingRoutes, ...incomingRoutes, ...assignmentRoutes, ...caseFileRoutes, ...notificationRoutes, ...searchRoutes, ...reportRoutes, ...signingRoutes, ...calendarRoutes, ...delegationRoutes];

