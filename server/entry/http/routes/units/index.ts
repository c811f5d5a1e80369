import { updateUnitRoute } from './update-unit.ts';

export const unitRoutes = [updateUnitRoute];
