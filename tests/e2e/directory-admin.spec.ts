import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

const PROVINCE = 'Ủy ban nhân dân tỉnh Bạc Liêu';

test('a CSV import with a bad row shows the per-row report and stores nothing', async ({ page }) => {
  await logIn(page, 'vanhanh');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhập, xuất danh bạ (CSV)' }).click();
  const csv = [
    'level,name,short_name,parent_name,identifier_code',
    `provincial-agency,Sở Thử nghiệm Một tỉnh Bạc Liêu,Sở Thử nghiệm Một,${PROVINCE},000.00.91.H04`,
    `provincial-agency,Sở Thử nghiệm Hai tỉnh Bạc Liêu,Sở Thử nghiệm Hai,${PROVINCE},abc.12`,
  ].join('\n');
  await page.getByLabel('Tệp CSV').setInputFiles({ name: 'co-quan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Nhập danh bạ' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'chưa nhập dữ liệu nào' })).toBeVisible();
  const report = page.getByRole('table', { name: 'Lỗi theo dòng của tệp nhập' });
  await expect(report).toContainText('identifier_code');
  await expect(report.getByRole('row')).toHaveCount(2); // header + the one bad row

  // The good row was not stored either.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh bạ cơ quan' }).click();
  await page.getByLabel('Tìm theo tên, tên viết gọn hoặc mã').fill('thu nghiem');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page.getByText('Không có cơ quan nào phù hợp.')).toBeVisible();
});

test('the operator adds an agency; a malformed identifier code is refused with a clear message', async ({ page }) => {
  await logIn(page, 'vanhanh');
  await page.goto('/co-quan');
  await page.getByRole('link', { name: 'Thêm cơ quan' }).click();
  await page.getByLabel('Tên cơ quan').fill('Sở Thử nghiệm Ba tỉnh Bạc Liêu');
  await page.getByLabel('Tên viết gọn').fill('Sở Thử nghiệm Ba');
  await page.getByLabel('Cơ quan cấp trên').selectOption({ label: PROVINCE });
  await page.getByLabel('Mã định danh').fill('000.00.93 H04');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /mã định danh/i })).toBeVisible();

  await page.getByLabel('Mã định danh').fill('000.00.93.H04');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sở Thử nghiệm Ba tỉnh Bạc Liêu' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lịch sử mã định danh' })).toContainText('000.00.93.H04');
  await expect(page.getByRole('region', { name: 'Thông tin chung' })).toContainText('Văn phòng');
});
