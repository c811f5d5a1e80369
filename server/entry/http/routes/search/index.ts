import { findDocumentsRoute } from './find-documents.ts';
import { suggestDocumentsRoute } from './suggest-documents.ts';

export const searchRoutes = [findDocumentsRoute, suggestDocumentsRoute];
