import { approveDraftRoute } from './approve-draft.ts';
import { createDraftRoute } from './create-draft.ts';
import { findOutgoingRoute } from './find-outgoing.ts';
import { findSignersRoute } from './find-signers.ts';
import { getOutgoingRoute } from './get-outgoing.ts';
import { getTrackingRoute } from './get-tracking.ts';
import { issueDocumentRoute } from './issue-document.ts';
import { exportOutgoingRegisterRoute, findOutgoingRegisterRoute } from './outgoing-register.ts';
import { recallDocumentRoute } from './recall-document.ts';
import { recordPaperSentRoute } from './record-paper-sent.ts';
import { resendDeliveryRoute } from './resend-delivery.ts';
import { returnDraftRoute } from './return-draft.ts';
import { getReviewChainRoute, updateReviewChainRoute } from './review-chain.ts';
import { signDocumentRoute } from './sign-document.ts';
import { findSigningGrantsRoute, grantSigningCapacityRoute, revokeSigningGrantRoute } from './signing-grants.ts';
import { startReplyRoute } from './start-reply.ts';
import { submitDraftRoute } from './submit-draft.ts';
import { updateDraftRoute } from './update-draft.ts';
import { updateIssuedRoute } from './update-issued.ts';

export const outgoingRoutes = [
  findOutgoingRoute, createDraftRoute, getOutgoingRoute, updateDraftRoute, submitDraftRoute, approveDraftRoute, returnDraftRoute, signDocumentRoute,
  issueDocumentRoute, getTrackingRoute, resendDeliveryRoute, recordPaperSentRoute, getReviewChainRoute, updateReviewChainRoute, findOutgoingRegisterRoute, exportOutgoingRegisterRoute, findSignersRoute, recallDocumentRoute,
  updateIssuedRoute,
  startReplyRoute,
  findSigningGrantsRoute, grantSigningCapacityRoute, revokeSigningGrantRoute,
];
