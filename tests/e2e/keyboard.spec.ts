import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers.ts';

/** Presses the key until the target has focus (at most `max` times), as a keyboard user would; a deputy director's navigation has some 25 links. */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

test('login and navigation work with the keyboard alone', async ({ page }) => {
  await page.goto('/dang-nhap');
  // The username field has focus on arrival; Tab moves to the password, Enter submits.
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await page.keyboard.type('phogiamdoc.snv');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mật khẩu')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  // Focus lands on the new page's heading, so a screen reader announces it.
  await expect(page.getByRole('heading', { level: 1, name: 'Cơ quan của tôi' })).toBeFocused();

  // Back from the content into the navigation, then open the directory with Enter.
  const directory = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh bạ cơ quan' });
  await pressUntilFocused(page, 'Shift+Tab', directory);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Danh bạ cơ quan' })).toBeFocused();

  // The skip link, first in the page, becomes visible on focus and jumps past header and navigation.
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
  await pressUntilFocused(page, 'Shift+Tab', skip);
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.locator('main :focus')).toHaveCount(1);
  await expect(page.locator('nav :focus, header :focus')).toHaveCount(0);
});
