import { expect, test } from '@playwright/test';
import { logIn, SNV } from './helpers.ts';

test('searching the directory without diacritics finds the agency', async ({ page }) => {
  await logIn(page, 'vanthu.stc');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh bạ cơ quan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Danh bạ cơ quan' })).toBeVisible();

  // The tree opens at the top level; a district unfolds to its communes.
  const tree = page.getByRole('table', { name: 'Danh sách cơ quan' });
  const district = tree.getByRole('button', { name: 'Mở các cơ quan trực thuộc Ủy ban nhân dân huyện Hòa Bình' });
  await expect(tree.getByRole('link', { name: 'Ủy ban nhân dân xã Vĩnh Hậu', exact: true })).toHaveCount(0);
  await district.click();
  await expect(tree.getByRole('link', { name: 'Ủy ban nhân dân xã Vĩnh Hậu', exact: true })).toBeVisible();
  await expect(tree.getByRole('button', { name: 'Thu gọn các cơ quan trực thuộc Ủy ban nhân dân huyện Hòa Bình' })).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: '.tmp/screenshots/directory.png' });

  await page.getByLabel('Tìm theo tên, tên viết gọn hoặc mã').fill('so noi vu');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page).toHaveURL(/q=so\+noi\+vu|q=so%20noi%20vu/);
  const results = page.getByRole('table', { name: 'Danh sách cơ quan' });
  await expect(results.getByRole('link', { name: SNV })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Sở Tài chính tỉnh Bạc Liêu' })).toHaveCount(0);

  await results.getByRole('link', { name: SNV }).click();
  await expect(page.getByRole('heading', { level: 1, name: SNV })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lịch sử mã định danh' })).toContainText(/\d{3}\.\d{2}\.\d{2}\.H04/);
  await expect(page.getByRole('region', { name: 'Đơn vị trực thuộc' })).toContainText('Văn phòng');
  // A clerk reads the directory; changing it is for the system operator.
  await expect(page.getByRole('button', { name: 'Ngừng hoạt động' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sửa thông tin' })).toHaveCount(0);
});
