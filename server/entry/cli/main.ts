import { Command } from 'commander';
import { register as registerAudit } from './commands/audit.ts';
import { register as registerDb } from './commands/db.ts';
import { register as registerStart } from './commands/start.ts';
import { register as registerSeed } from './commands/seed.ts';
import { register as registerUser } from './commands/user.ts';
import { register as registerAgency } from './commands/agency.ts';
import { register as registerHub } from './commands/hub.ts';
import { register as registerEdxml } from './commands/edxml.ts';
import { register as registerPdf } from './commands/pdf.ts';
import { register as registerCa } from './commands/ca.ts';
import { register as registerTrust } from './commands/trust.ts';
import { fail } from './context.ts';

const program = new Command();
program
  .name('lienthong')
  .description('lienthong — hệ thống quản lý văn bản điện tử liên thông.\nEvery command works on the embedded database in DATA_DIR, or on DATABASE_URL.')
  .showHelpAfterError();

for (const register of [registerStart, registerDb, registerSeed, registerAgency, registerUser, registerAudit, registerHub, registerEdxml, registerPdf, registerCa, registerTrust]) register(program);

program.parseAsync(process.argv).catch(fail);
