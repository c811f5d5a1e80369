import { sql, type Kysely } from 'kysely';

/**
 * The working calendar the system operator keeps per year (domain.md §2): days off (public holidays,
 * Tết, compensatory days) and make-up working days (a Saturday worked in exchange for a bridge day).
 * Weekends need no row. Read by the WorkCalendar port (reports' timeliness, incoming default deadlines).
 *
 * Seeded with the public holidays of the Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14), art. 112
 * (1): Tết Dương lịch 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9
 * and one day before or after; art. 112 (3): a holiday falling on the weekly rest day is taken on the
 * next working day. Lunar dates converted with the Vietnamese lunar calendar (UTC+7 new moons):
 * - 2026: mùng 1 Tết Bính Ngọ = 17/2/2026 (Tết: 16–20/2, the eve 29 tháng Chạp and mùng 1–4);
 *   10/3 âm lịch = Sunday 26/4/2026, taken on Monday 27/4; 2/9 + the day before, 1/9.
 * - 2027: mùng 1 Tết Đinh Mùi = Saturday 6/2/2027 (Tết: 5–9/2; the Saturday and Sunday 6–7/2 taken on
 *   10–11/2); 10/3 âm lịch = Friday 16/4/2027; 1/5 is a Saturday, taken on Monday 3/5; 2/9 + 3/9.
 * The Government's yearly notice (which adjacent day, any bridge days with a make-up Saturday) decides
 * the final list: the operator corrects it in Quản trị › Lịch làm việc.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE work_calendar_days (
    day date PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('day_off','make_up')),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const seed: [string, 'day_off' | 'make_up', string][] = [
    ['2026-01-01', 'day_off', 'Tết Dương lịch'],
    ['2026-02-16', 'day_off', 'Tết Nguyên đán (29 tháng Chạp)'],
    ['2026-02-17', 'day_off', 'Tết Nguyên đán (mùng 1)'],
    ['2026-02-18', 'day_off', 'Tết Nguyên đán (mùng 2)'],
    ['2026-02-19', 'day_off', 'Tết Nguyên đán (mùng 3)'],
    ['2026-02-20', 'day_off', 'Tết Nguyên đán (mùng 4)'],
    ['2026-04-27', 'day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật 26/4)'],
    ['2026-04-30', 'day_off', 'Ngày Chiến thắng'],
    ['2026-05-01', 'day_off', 'Ngày Quốc tế lao động'],
    ['2026-09-01', 'day_off', 'Quốc khánh (ngày liền kề)'],
    ['2026-09-02', 'day_off', 'Quốc khánh'],
    ['2027-01-01', 'day_off', 'Tết Dương lịch'],
    ['2027-02-05', 'day_off', 'Tết Nguyên đán (29 tháng Chạp)'],
    ['2027-02-08', 'day_off', 'Tết Nguyên đán (mùng 3)'],
    ['2027-02-09', 'day_off', 'Tết Nguyên đán (mùng 4)'],
    ['2027-02-10', 'day_off', 'Nghỉ bù Tết Nguyên đán (mùng 1, thứ Bảy 6/2)'],
    ['2027-02-11', 'day_off', 'Nghỉ bù Tết Nguyên đán (mùng 2, Chủ nhật 7/2)'],
    ['2027-04-16', 'day_off', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2027-04-30', 'day_off', 'Ngày Chiến thắng'],
    ['2027-05-03', 'day_off', 'Nghỉ bù Ngày Quốc tế lao động (thứ Bảy 1/5)'],
    ['2027-09-02', 'day_off', 'Quốc khánh'],
    ['2027-09-03', 'day_off', 'Quốc khánh (ngày liền kề)'],
  ];
  for (const [day, kind, name] of seed) {
    await sql`INSERT INTO work_calendar_days (day, kind, name) VALUES (${day}::date, ${kind}, ${name})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS work_calendar_days`.execute(db);
}
