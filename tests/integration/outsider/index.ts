import { coreCases } from './core.ts';
import type { OutsiderCases } from './types.ts';

/** One file per area adds its cases here. */
export const outsiderCases: OutsiderCases = { ...coreCases };
