import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { argon2Hasher } from '../../../adapters/auth/argon2-hasher.ts';
import { agencyQuery } from '../../../adapters/db/repositories/agencies.ts';
import { systemClock } from '../../../app/ports/clock.ts';
import { createUser } from '../../../app/users/create-user.ts';
import { composeDeps } from '../../compose.ts';
import { withDatabase } from '../context.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function register(program: Command): void {
  const user = program.command('user').description('User accounts');
  user
    .command('create')
    .description('Create a user. With --operator: a system operator in the given agency (default: the province office).')
    .requiredOption('--username <name>', 'login name (lower case, no diacritics)')
    .requiredOption('--full-name <name>', 'full name, with diacritics')
    .option('--agency <code>', 'identifier code of the home agency (default with --operator: the province office)')
    .option('--roles <list>', 'comma-separated roles (clerk, leader, deputy_leader, head_of_unit, specialist, agency_admin, provincial_supervisor, system_operator)')
    .option('--operator', 'create a system operator')
    .option('--title <title>', 'title (chức vụ)', '')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (opts: { username: string; fullName: string; agency?: string; roles?: string; operator?: boolean; title: string; passwordStdin?: boolean }) => {
      const roles = opts.operator ? ['system_operator'] : (opts.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
      if (roles.length === 0) throw new Error('--roles: give at least one role, or --operator');
      const generated = !opts.passwordStdin;
      const password = opts.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url') + '7a';
      await withDatabase(async (database, config) => {
        let q = agencyQuery(database.db);
        q = opts.agency ? q.where('c.code', '=', opts.agency) : q.where('a.level', '=', 'provincial_agency').where('a.name', 'like', 'Văn phòng Ủy ban nhân dân tỉnh%');
        const agency = await q.executeTakeFirst();
        if (!agency) throw new Error(opts.agency ? `--agency: no agency has the open code ${opts.agency}` : '--agency: no province office found; give --agency CODE');
        const deps = composeDeps(config, database);
        const created = await deps.uow.run((tx) =>
          createUser(tx, { hasher: argon2Hasher, clock: systemClock }, null, {
            agencyId: agency.id, username: opts.username, fullName: opts.fullName, title: opts.title, roles, password, mustChangePassword: generated,
          }),
        );
        console.log(`Đã tạo người dùng ${created.username} (${roles.join(', ')}) tại ${agency.name}.`);
        if (generated) console.log(`Mật khẩu tạm (đổi ở lần đăng nhập đầu): ${password}`);
      });
    });
}
