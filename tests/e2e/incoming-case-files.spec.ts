import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

test('a specialist opens a case file, is told an empty one cannot be closed, and downloads it as a ZIP', async ({ page }) => {
  await logIn(page, 'chuyenvien.snv');
  await page.getByRole('link', { name: 'Hồ sơ công việc' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ công việc' })).toBeVisible();
  const notation = `E2E.${Date.now() % 100000}`;
  await page.getByLabel('Tiêu đề hồ sơ').fill('Hồ sơ thử nghiệm trình duyệt');
  await page.getByLabel('Số và ký hiệu hồ sơ').fill(notation);
  await page.getByLabel('Thời hạn bảo quản').fill('5 năm');
  await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lập hồ sơ.');
  const row = page.getByRole('row').filter({ hasText: notation });
  await expect(row).toContainText('Đang mở');
  await row.getByRole('button', { name: `Đóng hồ sơ ${notation}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: `Hồ sơ "${notation}" chưa có văn bản nào, chưa thể đóng.` })).toBeVisible();
  await expect(row).toContainText('Đang mở');
  const download = page.waitForEvent('download');
  await row.getByRole('link', { name: `Tải hồ sơ ${notation} (ZIP)` }).click();
  expect((await download).suggestedFilename()).toBe(`ho-so-${new Date().getFullYear()}-${notation}.zip`);
});
