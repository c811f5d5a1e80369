import { findDocumentTypesRoute } from './find-document-types.ts';

export const documentTypeRoutes = [findDocumentTypesRoute];
