import { agencyCases } from './agencies.ts';
import { coreCases } from './core.ts';
import { fileCases } from './files.ts';
import { hubCases } from './hub.ts';
import { registerCases } from './registers.ts';
import { reportCases } from './reports.ts';
import { userCases } from './users.ts';
import { outgoingCases } from './outgoing.ts';
import { searchCases } from './search.ts';
import { signingCases } from './signing.ts';
import type { OutsiderCases } from './types.ts';
import { incomingCases } from './incoming.ts';
import { calendarCases, suspensionCases } from './calendar.ts';
import { delegationCases } from './delegations.ts';

/** One file per area adds its cases here. */
export const outsiderCases: OutsiderCases = { ...coreCases, ...agencyCases, ...registerCases, ...hubCases, ...userCases, ...fileCases, ...outgoingCases, ...incomingCases, ...searchCases, ...reportCases, ...signingCases, ...calendarCases, ...suspensionCases, ...delegationCases };
