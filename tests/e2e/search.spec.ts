import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

// Uses the DEMO search entries of server/adapters/db/seed/demo-search.ts (no documents behind them yet).
test('a clerk finds a document by typing without diacritics, picks a suggestion, filters, and sees the words highlighted', async ({ page }) => {
  await logIn(page, 'vanthu.snv');
  await page.getByRole('link', { name: 'Tìm kiếm văn bản' }).click();
  await expect(page.getByRole('heading', { name: 'Tìm kiếm văn bản' })).toBeVisible();

  const box = page.getByRole('combobox', { name: 'Tìm văn bản' });
  await box.pressSequentially('cong nhan xa vinh trach', { delay: 30 });
  const suggestion = page.getByRole('option', { name: /Quyết định về việc công nhận xã Vĩnh Trạch Đông/ });
  await expect(suggestion).toBeVisible();
  await expect(suggestion.locator('mark').first()).toHaveText('công');
  await box.press('ArrowDown');
  await expect(suggestion).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');

  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('heading', { level: 2 })).toContainText('Quyết định về việc công nhận xã Vĩnh Trạch Đông đạt chuẩn nông thôn mới nâng cao năm 2024');
  await expect(results.locator('mark', { hasText: 'Vĩnh' })).toBeVisible();
  await expect(results).toContainText('Số 1520/QĐ-UBND · 12/09/2024');

  // A broad query, then narrowed by type: only the plan remains.
  await box.fill('tuyen dung');
  await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tìm thấy' })).toHaveText('Tìm thấy 1 văn bản.');
  await box.fill('nam 2024');
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
  await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Kế hoạch tuyển dụng công chức cấp xã năm 2024');
  await page.screenshot({ path: '.tmp/e2e-results/search.png', fullPage: true });

  // Another agency's document is never found, even by its exact words.
  await page.getByRole('button', { name: 'Xóa điều kiện' }).click();
  await box.fill('Quyết định giao dự toán thu, chi ngân sách nhà nước năm 2025');
  await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Không tìm thấy' })).toBeVisible();
});

test('roles without document content do not see the search page', async ({ page }) => {
  await logIn(page, 'quantri.snv');
  await expect(page.getByRole('link', { name: 'Tìm kiếm văn bản' })).toHaveCount(0);
});
