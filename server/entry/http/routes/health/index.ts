import { healthz } from './healthz.ts';
import { openapi } from './openapi.ts';
import { readyz } from './readyz.ts';

export const healthRoutes = [healthz, readyz, openapi];
