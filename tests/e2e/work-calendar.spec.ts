import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn } from './helpers.ts';

const YEAR = 2031; // a year no other test writes

test('the system operator marks a holiday and a make-up working day; a weekday is refused as make-up; both show again after a reload', async ({ page, request }) => {
  // A retry starts from an empty year.
  const login = await request.post('/api/auth/login', { data: { username: 'vanhanh', password: DEMO_PASSWORD } });
  const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  expect((await request.put(`/api/work-calendar/${YEAR}`, { headers: csrf, data: { days: [] } })).status()).toBe(200);

  await logIn(page, 'vanhanh');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lịch làm việc' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Năm' }).fill(String(YEAR));
  const form = page.getByRole('form', { name: `Lịch làm việc năm ${YEAR}` });
  await expect(form.getByText('Chưa có ngày nghỉ hay ngày làm bù nào cho năm này')).toBeVisible();

  await form.getByRole('button', { name: 'Thêm ngày' }).click();
  const holiday = form.getByRole('row').nth(1);
  await holiday.getByLabel('Ngày', { exact: true }).fill(`${YEAR}-09-02`);
  await holiday.getByLabel('Tên ngày').fill('Quốc khánh');
  await form.getByRole('button', { name: 'Thêm ngày' }).click();
  const makeUp = form.getByRole('row').nth(2);
  // Monday 8 September is a working day already: refused.
  await makeUp.getByLabel('Ngày', { exact: true }).fill(`${YEAR}-09-08`);
  await makeUp.getByLabel('Loại').selectOption({ label: 'Ngày làm bù' });
  await makeUp.getByLabel('Tên ngày').fill('Làm bù ngày nghỉ Quốc khánh');
  await form.getByRole('button', { name: `Lưu lịch năm ${YEAR}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: `Ngày ${YEAR}-09-08 là ngày làm việc bình thường` })).toBeVisible();
  // Saturday 13 September is accepted.
  await makeUp.getByLabel('Ngày', { exact: true }).fill(`${YEAR}-09-13`);
  await form.getByRole('button', { name: `Lưu lịch năm ${YEAR}` }).click();
  await expect(form.getByRole('status')).toHaveText('Đã lưu.');

  await page.reload();
  await page.getByRole('spinbutton', { name: 'Năm' }).fill(String(YEAR));
  const saved = page.getByRole('form', { name: `Lịch làm việc năm ${YEAR}` });
  await expect(saved.getByRole('row')).toHaveCount(3);
  const first = saved.getByRole('row').nth(1);
  await expect(first.getByLabel('Ngày', { exact: true })).toHaveValue(`${YEAR}-09-02`);
  await expect(first.getByLabel('Loại')).toHaveValue('day_off');
  await expect(first.getByLabel('Tên ngày')).toHaveValue('Quốc khánh');
  const second = saved.getByRole('row').nth(2);
  await expect(second.getByLabel('Ngày', { exact: true })).toHaveValue(`${YEAR}-09-13`);
  await expect(second.getByLabel('Loại')).toHaveValue('make_up');
  await expect(second.getByLabel('Tên ngày')).toHaveValue('Làm bù ngày nghỉ Quốc khánh');
  // The next year (never seeded) has none of it.
  await page.getByRole('spinbutton', { name: 'Năm' }).fill(String(YEAR + 1));
  await expect(page.getByRole('form', { name: `Lịch làm việc năm ${YEAR + 1}` }).getByText('Chưa có ngày nghỉ hay ngày làm bù nào cho năm này')).toBeVisible();
});
