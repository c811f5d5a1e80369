import type { Command } from 'commander';
import { startSystem } from '../../../main.ts';

export function register(program: Command): void {
  program
    .command('start')
    .description('Start the system: migrate, seed the demo province on an empty embedded database, serve HTTP')
    .option('--services <list>', 'roles to run in this process: api,worker,hub', 'api,worker,hub')
    .action(async (opts: { services: string }) => {
      await startSystem({ services: opts.services.split(',').map((s) => s.trim()).filter(Boolean) });
    });
}
