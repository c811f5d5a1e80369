import { createRegisterRoute } from './create-register.ts';
import { findRegistersRoute } from './find-registers.ts';

export const registerRoutes = [findRegistersRoute, createRegisterRoute];
