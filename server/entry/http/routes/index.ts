import type { RouteDef } from '../route.ts';
import { authRoutes } from './auth/index.ts';
import { healthRoutes } from './health/index.ts';
import { userRoutes } from './users/index.ts';

/** Every HTTP operation. tests/integration/outsider.test.ts walks this table. */
export const allRoutes: RouteDef[] = [...healthRoutes, ...authRoutes, ...userRoutes];
