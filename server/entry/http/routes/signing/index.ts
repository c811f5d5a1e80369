import { findSigningKeysRoute } from './find-signing-keys.ts';
import { importSigningKeyRoute } from './import-signing-key.ts';
import { findSigningImagesRoute, getSigningImagePngRoute, uploadSigningImageRoute } from './image-routes.ts';
import { addRevocationSourceRoute, findRevocationSourcesRoute, removeRevocationSourceRoute } from './revocation-source-routes.ts';
import { testCaCrlRoute, testCaRootRoute } from './test-ca-routes.ts';
import { validateIncomingFileRoute, validateStoredFileRoute, validateUploadedPdfRoute } from './validation-routes.ts';
import { addTrustAnchorRoute, findTrustAnchorsRoute, removeTrustAnchorRoute } from './trust-anchor-routes.ts';

export const signingRoutes = [
  findSigningKeysRoute,
  importSigningKeyRoute,
  findTrustAnchorsRoute,
  addTrustAnchorRoute,
  removeTrustAnchorRoute,
  findRevocationSourcesRoute,
  addRevocationSourceRoute,
  removeRevocationSourceRoute,
  testCaCrlRoute,
  testCaRootRoute,
  uploadSigningImageRoute,
  findSigningImagesRoute,
  getSigningImagePngRoute,
  validateUploadedPdfRoute,
  validateStoredFileRoute,
  validateIncomingFileRoute,
];
