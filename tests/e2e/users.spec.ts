import { expect, test } from '@playwright/test';
import { logIn } from './helpers.ts';

test('the agency administrator creates a user, who logs in and replaces the issued password', async ({ page }) => {
  await logIn(page, 'quantri.snv');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị người dùng' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quản trị người dùng' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Võ Thị Hạnh');
  await expect(page.getByRole('table')).not.toContainText('Trương Thị Tài'); // Sở Tài chính's clerk

  await page.getByRole('link', { name: 'Thêm người dùng' }).click();
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Mới');
  await page.getByLabel('Tên đăng nhập').fill('nguyenvanmoi.snv');
  await page.getByLabel('Chức vụ').fill('Chuyên viên');
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Phòng Công chức, viên chức' });
  await page.getByRole('checkbox', { name: 'Chuyên viên' }).check();
  await page.getByLabel('Mật khẩu ban đầu').fill('BatDau2024x');
  await page.getByRole('button', { name: 'Tạo người dùng' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nguyễn Văn Mới' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Đã tạo người dùng.' })).toBeVisible();

  await page.getByRole('link', { name: '← Danh sách người dùng' }).click();
  await expect(page.getByRole('table')).toContainText('nguyenvanmoi.snv');

  // The new user must change the issued password first.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await logIn(page, 'nguyenvanmoi.snv', 'BatDau2024x');
  await expect(page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' })).toBeVisible();
  await expect(page.getByText('phải đổi mật khẩu được cấp')).toBeVisible();

  await page.getByLabel('Mật khẩu hiện tại').fill('BatDau2024x');
  await page.getByLabel(/^Mật khẩu mới/).fill('MatKhauRieng2025');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauRieng2025');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu.' })).toBeVisible();
  await expect(page.getByText('phải đổi mật khẩu được cấp')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trang chủ' }).click();
  await expect(page.getByRole('banner')).toContainText('Nguyễn Văn Mới');
  await expect(page.getByRole('region', { name: 'Thông tin cơ quan' })).toContainText('Sở Nội vụ tỉnh Bạc Liêu');
});

test('a clerk does not see user administration and is refused at its address', async ({ page }) => {
  await logIn(page, 'vanthu.snv');
  await page.goto('/nguoi-dung');
  await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
});
