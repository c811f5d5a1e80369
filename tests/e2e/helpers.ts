import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'lienthong@2024';
export const SNV = 'Sở Nội vụ tỉnh Bạc Liêu';

/** Logs in through the form, as a person would, and waits for the signed-in shell. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}
