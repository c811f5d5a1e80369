import { answerChangeRequestRoute, findUnlinkedChangeRequestsRoute } from './change-requests.ts';
import { createPaperRoute } from './create-paper.ts';
import { findDeadlineSettingsRoute, updateDeadlineSettingsRoute } from './deadline-settings.ts';
import { directIncomingRoute } from './direct-incoming.ts';
import { findAssigneesRoute } from './find-assignees.ts';
import { findIncomingRoute } from './find-incoming.ts';
import { getIncomingFileRoute } from './get-incoming-file.ts';
import { getIncomingRoute } from './get-incoming.ts';
import { handlingSlipRoute } from './handling-slip.ts';
import { exportIncomingRegisterRoute, incomingRegisterRoute } from './incoming-register.ts';
import { presentIncomingRoute } from './present-incoming.ts';
import { refuseIncomingRoute } from './refuse-incoming.ts';
import { registerIncomingRoute } from './register-incoming.ts';

export const incomingRoutes = [
  findIncomingRoute, createPaperRoute, getIncomingRoute, handlingSlipRoute, getIncomingFileRoute, registerIncomingRoute, refuseIncomingRoute, presentIncomingRoute, directIncomingRoute,
  findAssigneesRoute, findDeadlineSettingsRoute, updateDeadlineSettingsRoute, incomingRegisterRoute, exportIncomingRegisterRoute,
  answerChangeRequestRoute, findUnlinkedChangeRequestsRoute,
];
