import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn } from './helpers.ts';

const AGENCY = 'Ủy ban nhân dân thị trấn Ngan Dừa'; // no other test uses it

test('the system operator records that an agency stops receiving, until a date or until further notice, and removes one recorded by mistake', async ({ page, request }) => {
  // A retry starts with no suspension of this agency.
  const login = await request.post('/api/auth/login', { data: { username: 'vanhanh', password: DEMO_PASSWORD } });
  const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const existing = (await (await request.get('/api/receiving-suspensions')).json()) as { items: { id: string; agencyName: string }[] };
  for (const s of existing.items.filter((x) => x.agencyName === AGENCY)) await request.delete(`/api/receiving-suspensions/${s.id}`, { headers: csrf });

  await logIn(page, 'vanhanh');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tạm dừng nhận văn bản' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tạm dừng nhận văn bản' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Ghi tạm dừng nhận văn bản' });
  await form.getByLabel('Cơ quan').selectOption({ label: AGENCY });
  // Dates in the future: the supervision report of today is not touched.
  await form.getByLabel('Từ ngày').fill('2031-03-01');
  await form.getByLabel('Đến ngày').fill('2031-02-01');
  await form.getByLabel('Lý do').fill('Sáp nhập đơn vị hành chính cấp xã');
  await form.getByRole('button', { name: 'Ghi tạm dừng nhận' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ngày kết thúc 2031-02-01 trước ngày bắt đầu 2031-03-01' })).toBeVisible();

  await form.getByLabel('Đến ngày').fill('2031-03-31');
  await form.getByRole('button', { name: 'Ghi tạm dừng nhận' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã ghi: ${AGENCY} tạm dừng nhận văn bản từ 01/03/2031 đến 31/03/2031.` })).toBeVisible();
  // Until further notice: no end date.
  await form.getByLabel('Cơ quan').selectOption({ label: AGENCY });
  await form.getByLabel('Từ ngày').fill('2031-06-01');
  await form.getByLabel('Lý do').fill('Mất kết nối với hệ thống quản lý văn bản');
  await form.getByRole('button', { name: 'Ghi tạm dừng nhận' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'từ 01/06/2031 đến khi có thông báo mới' })).toBeVisible();

  const table = page.getByRole('table', { name: 'Các lần tạm dừng nhận văn bản' });
  const rows = table.getByRole('row').filter({ hasText: AGENCY });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Sắp tới01/03/203131/03/2031Sáp nhập đơn vị hành chính cấp xã');
  await expect(rows.nth(1)).toContainText('Sắp tới01/06/2031Đến khi có thông báo mớiMất kết nối với hệ thống quản lý văn bản');

  // Shown again after a reload: stored, not only on screen.
  await page.reload();
  await expect(table.getByRole('row').filter({ hasText: AGENCY })).toHaveCount(2);

  page.once('dialog', (d) => void d.accept());
  await table.getByRole('button', { name: `Xóa lần tạm dừng nhận của ${AGENCY} từ 01/06/2031` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã xóa lần tạm dừng nhận của ${AGENCY}.` })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: AGENCY })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: AGENCY })).toContainText('31/03/2031');
  const stored = (await (await request.get('/api/receiving-suspensions')).json()) as { items: { agencyName: string; startsOn: string; endsOn: string | null }[] };
  expect(stored.items.filter((x) => x.agencyName === AGENCY).map((x) => [x.startsOn, x.endsOn])).toEqual([['2031-03-01', '2031-03-31']]);

  // A clerk has no such screen.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await logIn(page, 'vanthu.snv');
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tạm dừng nhận văn bản' })).toHaveCount(0);
  await page.goto('/tam-dung-nhan');
  await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
});
