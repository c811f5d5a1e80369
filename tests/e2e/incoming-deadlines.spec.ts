import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

test('the agency administrator sets the default handling deadline for urgent documents and it is kept', async ({ page }) => {
  await logIn(page, 'quantri.snv');
  await page.getByRole('link', { name: 'Hạn xử lý văn bản đến' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hạn xử lý văn bản đến' })).toBeVisible();
  const urgent = page.getByLabel('Khẩn', { exact: true });
  await expect(urgent).toHaveValue('3');
  await urgent.fill('4');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu hạn xử lý mặc định.');
  await page.reload();
  await expect(page.getByLabel('Khẩn', { exact: true })).toHaveValue('4');
  await expect(page.getByLabel('Thường', { exact: true })).toHaveValue('10');
  await page.getByLabel('Khẩn', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu hạn xử lý mặc định.');
});
