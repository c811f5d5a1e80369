import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

/** A Vietnam wall-clock `datetime-local` value `hours` from now. */
function vnLocal(hours: number): string {
  return new Date(Date.now() + (hours + 7) * 3600_000).toISOString().slice(0, 16);
}

test('the director records an absence with the deputy acting for him, sees it in force, then cancels it', async ({ page }) => {
  await logIn(page, 'giamdoc.snv');
  await page.getByRole('link', { name: 'Ủy quyền khi vắng mặt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ủy quyền khi vắng mặt' })).toBeVisible();
  await page.getByLabel('Người được ủy quyền').selectOption({ label: 'Đặng Thị Phó — Phó Giám đốc' });
  await page.getByLabel('Vắng mặt từ').fill(vnLocal(-1));
  await page.getByLabel('Vắng mặt đến').fill(vnLocal(48));
  await page.getByLabel('Lý do').fill('Đi công tác');
  await page.getByRole('button', { name: 'Ghi ủy quyền' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi ủy quyền.');
  const row = page.getByRole('row').filter({ hasText: 'Đi công tác' });
  await expect(row).toContainText('Đặng Thị Phó');
  await expect(row).toContainText('Đang có hiệu lực');
  // A second, overlapping absence is refused with the reason.
  await page.getByLabel('Người được ủy quyền').selectOption({ label: 'Đặng Thị Phó — Phó Giám đốc' });
  await page.getByLabel('Vắng mặt từ').fill(vnLocal(2));
  await page.getByLabel('Vắng mặt đến').fill(vnLocal(5));
  await page.getByRole('button', { name: 'Ghi ủy quyền' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Đã có ủy quyền cho Đặng Thị Phó' })).toBeVisible();
  await row.getByRole('button', { name: /^Hủy ủy quyền/ }).click();
  await expect(page.getByRole('status')).toHaveText('Đã hủy ủy quyền.');
  await expect(row).toContainText('Đã hủy lúc');
});
