import type { Command } from 'commander';
import { argon2Hasher } from '../../../adapters/auth/argon2-hasher.ts';
import { DEMO_PASSWORD, isEmpty } from '../../../adapters/db/seed/seed-demo.ts';
import { seedDemoProvince } from '../../../adapters/db/seed/seed-demo-province.ts';
import { systemClock } from '../../../app/ports/clock.ts';
import { withDatabase } from '../context.ts';

export function register(program: Command): void {
  const seed = program.command('seed').description('Load seed data');
  seed
    .command('demo')
    .description('Seed the demo province (Bạc Liêu 2019–2024) and demo users into an empty database')
    .action(async () => {
      await withDatabase(async (database, config) => {
        if (!config.demoMode) throw new Error('DEMO_MODE: demo users have a published password; set DEMO_MODE=true (never in production)');
        if (!(await isEmpty(database.db))) {
          console.log('Cơ sở dữ liệu đã có dữ liệu; không nạp lại dữ liệu mẫu.');
          return;
        }
        const r = await seedDemoProvince(database.db, { hasher: argon2Hasher, clock: systemClock });
        console.log(`Đã nạp ${r.agencies} cơ quan và ${r.users} người dùng mẫu (mật khẩu: ${DEMO_PASSWORD}).`);
        console.log(`Đã nạp ${r.facts} dữ kiện giám sát MẪU năm 2026 (đánh dấu demo) cho bảng điều khiển giám sát.`);
        console.log(`Đã mở ${r.registers} sổ đăng ký văn bản năm nay cho các cơ quan có người dùng mẫu.`);
      });
    });
}
