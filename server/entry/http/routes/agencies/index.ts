import { assignAgencyCodeRoute } from './assign-agency-code.ts';
import { createAgencyRoute } from './create-agency.ts';
import { createUnitRoute } from './create-unit.ts';
import { exportAgenciesRoute } from './export-agencies.ts';
import { findAgenciesRoute } from './find-agencies.ts';
import { findUnitsRoute } from './find-units.ts';
import { getAgencyRoute } from './get-agency.ts';
import { importAgenciesRoute } from './import-agencies.ts';
import { updateAgencyRoute } from './update-agency.ts';
import { findReceivingSuspensionsRoute, removeReceivingSuspensionRoute, suspendReceivingRoute } from './receiving-suspensions.ts';

export const agencyRoutes = [
  findAgenciesRoute, exportAgenciesRoute, importAgenciesRoute, getAgencyRoute, createAgencyRoute, updateAgencyRoute,
  assignAgencyCodeRoute, findUnitsRoute, createUnitRoute,
  findReceivingSuspensionsRoute, suspendReceivingRoute, removeReceivingSuspensionRoute,
];
