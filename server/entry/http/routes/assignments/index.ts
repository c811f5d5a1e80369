import { attachWorkingFileRoute } from './attach-working-file.ts';
import { commentAssignmentRoute } from './comment-assignment.ts';
import { decideExtensionRoute } from './decide-extension.ts';
import { finishAssignmentRoute } from './finish-assignment.ts';
import { myWorkRoute } from './my-work.ts';
import { passAssignmentRoute } from './pass-assignment.ts';
import { requestExtensionRoute } from './request-extension.ts';

export const assignmentRoutes = [myWorkRoute, passAssignmentRoute, commentAssignmentRoute, attachWorkingFileRoute, requestExtensionRoute, decideExtensionRoute, finishAssignmentRoute];
