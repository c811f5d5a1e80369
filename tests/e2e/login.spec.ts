import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, SNV } from './helpers.ts';

test('a demo clerk logs in and sees the own agency page', async ({ page }) => {
  await logIn(page, 'vanthu.snv');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cơ quan của tôi' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText(SNV);
  await expect(header).toContainText('Võ Thị Hạnh');
  await expect(header).toContainText('Văn thư');
  const info = page.getByRole('region', { name: 'Thông tin cơ quan' });
  await expect(info).toContainText(SNV);
  await expect(info).toContainText(/\d{3}\.\d{2}\.\d{2}\.H04/);
  await expect(info).toContainText('Đầu mối gửi, nhận văn bản');
  const units = page.getByRole('region', { name: 'Đơn vị trực thuộc' });
  await expect(units).toContainText('Phòng Công chức, viên chức');
  // A clerk browses the directory but does not administer users.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('link', { name: 'Danh bạ cơ quan' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Quản trị người dùng' })).toHaveCount(0);
  await page.screenshot({ path: '.tmp/screenshots/home.png', fullPage: true });
});

test('a wrong password gets the Vietnamese error and no session', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await page.getByLabel('Tên đăng nhập').fill('chuyenvien.snv');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page.getByLabel('Mật khẩu')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  await page.screenshot({ path: '.tmp/screenshots/login-error.png' });
});

test('repeated failures lock the account with a message saying for how long', async ({ page }) => {
  await page.goto('/dang-nhap');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Tên đăng nhập').fill('giamdoc.stc');
    await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert')).not.toBeEmpty();
  }
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText(/Tài khoản tạm khóa.*Thử lại sau \d+ phút/);
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
});

test('logging out ends the session', async ({ page }) => {
  await logIn(page, 'giamdoc.snv');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/dang-nhap$/);
});
