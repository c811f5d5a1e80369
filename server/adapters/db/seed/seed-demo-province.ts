import type { Kysely } from 'kysely';
import type { Clock } from '../../../app/ports/clock.ts';
import type { PasswordHasher } from '../../../app/ports/users.ts';
import type { DB } from '../schema.ts';
import { seedDemoSupervisionFacts } from './demo-supervision.ts';
import { seedDemo } from './seed-demo.ts';
import { openDemoRegisters } from './demo-registers.ts';

/**
 * Everything a demo start needs on an empty database: the province, its users, and the sample
 * supervision facts behind the dashboard, and the current year's registers of every agency where a demo
 * user works, so a clerk can issue and register at once. One function so that `start`, `seed demo` and the browser
 * tests' fixtures seed the same thing (integration tests call seedDemo alone: they need no facts).
 */
export async function seedDemoProvince(db: Kysely<DB>, deps: { hasher: PasswordHasher; clock: Clock }): Promise<{ agencies: number; users: number; facts: number; registers: number }> {
  const seeded = await seedDemo(db, deps);
  const facts = await seedDemoSupervisionFacts(db);
  const registers = await openDemoRegisters(db, deps);
  return { ...seeded, facts, registers };
}
