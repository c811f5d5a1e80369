import { acknowledgePending } from './acknowledge-pending.ts';
import { alarms } from './alarms.ts';
import { deadLetters } from './dead-letters.ts';
import { packageTrace } from './package-trace.ts';
import { peers } from './peers.ts';
import { pendingPackages } from './pending-packages.ts';
import { pushBatch } from './push-batch.ts';
import { pushPackage } from './push-package.ts';
import { pushStatus } from './push-status.ts';
import { queues } from './queues.ts';
import { registerPeerRoute } from './register-peer.ts';
import { resendDeadLetter } from './resend-dead-letter.ts';
import { updatePeerRoute } from './update-peer.ts';
import { abandonDeadLetter } from './abandon-dead-letter.ts';

/** Peer-facing EDXML endpoint (bearer token) and operator screens (hub.operate). */
export const hubRoutes = [pushPackage, pushStatus, pushBatch, pendingPackages, acknowledgePending, queues, peers, deadLetters, resendDeadLetter, packageTrace, registerPeerRoute, updatePeerRoute, abandonDeadLetter, alarms];
