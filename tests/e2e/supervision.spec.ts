import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

test('the provincial supervisor opens the dashboard: charts with the demo data, a sortable table, drill-down to one agency', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, 'giamsat');
  await page.getByRole('link', { name: 'Giám sát toàn tỉnh' }).click();
  await expect(page.getByRole('heading', { name: 'Giám sát văn bản điện tử toàn tỉnh' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Chỉ số chính' })).toBeVisible({ timeout: 90_000 });
  const trend = page.getByRole('img', { name: /Xu hướng theo tháng/ });
  await expect(trend).toBeVisible();
  // bars with data: the demo year has documents in every month up to November
  await expect(trend).toHaveAttribute('aria-label', /Th3: gửi [1-9]\d*/);
  await expect(page.getByRole('img', { name: /Cấp xã: Nhận điện tử/ })).toBeVisible();
  await page.screenshot({ path: '.tmp/supervisor-dashboard.png', fullPage: false });
  const table = page.getByRole('table', { name: 'Chỉ số theo cơ quan' });
  await page.getByRole('heading', { name: 'Chỉ số theo cơ quan' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: '.tmp/supervisor-dashboard-table.png', fullPage: false });

  // sort by overdue count, descending: the first row has the most overdue items
  await table.getByRole('button', { name: 'Quá hạn' }).click();
  const overdue = await table.locator('tbody tr td:nth-child(9)').allInnerTexts();
  const numbers = overdue.map((t) => Number(t.replace(/\./g, '')));
  expect(numbers.slice(0, 5)).toEqual([...numbers.slice(0, 5)].sort((a, b) => b - a));
  expect(numbers[0]).toBeGreaterThan(0);

  // drill-down: counts only
  const first = table.locator('tbody tr th a').first();
  const name = await first.innerText();
  await first.click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('R13 Đang quá hạn')).toBeVisible({ timeout: 60_000 });
});

test('a leader without report.province does not see the supervision screens', async ({ page }) => {
  await logIn(page, 'giamdoc.snv');
  await expect(page.getByRole('link', { name: 'Giám sát toàn tỉnh' })).toHaveCount(0);
  await page.goto('/giam-sat');
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  await page.goto('/cong-viec');
  await expect(page.getByRole('heading', { name: 'Tình hình xử lý văn bản đến' })).toBeVisible();
});
