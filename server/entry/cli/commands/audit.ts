import type { Command } from 'commander';
import { verifyAuditChain } from '../../../adapters/db/audit-log.ts';
import { withDatabase } from '../context.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('Audit trail');
  audit
    .command('verify')
    .description('Check the hash chain of the audit log; exits 1 and names the first broken or missing event')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const result = await withDatabase((database) => verifyAuditChain(database.db));
      if (opts.json) console.log(JSON.stringify(result));
      else if (result.ok) console.log(`Nhật ký kiểm toán toàn vẹn: ${result.events} sự kiện, mã băm cuối ${result.lastHash}.`);
      else console.error(`Nhật ký kiểm toán bị phá vỡ tại sự kiện #${result.brokenSeq}${result.eventId ? ` (${result.eventId})` : ''}: ${result.reason}. ${result.events} sự kiện trước đó hợp lệ.`);
      process.exitCode = result.ok ? 0 : 1;
    });
}
