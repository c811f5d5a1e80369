import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { logIn, SNV } from './helpers.ts';
import { expectInTimeOrder, waitForStatus } from './tracking.ts';

// Issued by Sở Tài chính to Sở Nội vụ through the outgoing module by scripts/e2e-fixtures.ts before the server started.
const SUBJECT = 'V/v báo cáo tình hình biên chế năm 2026 (kiểm thử liên thông)';

async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await logIn(page, username);
}

async function openDocument(page: Page, listUrl: string): Promise<void> {
  await expect(async () => {
    await page.goto(listUrl);
    await expect(page.getByRole('link', { name: SUBJECT })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('link', { name: SUBJECT }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
}

async function statusPackages(request: APIRequestContext, id: string): Promise<{ code: string; packageId: string; at: string }[]> {
  const detail = (await (await request.get(`/api/incoming/${id}`)).json()) as { events: { kind: string; data: { statusCode?: string; packageId?: string }; occurredAt: string }[] };
  return detail.events.filter((e) => e.kind === 'status_sent').map((e) => ({ code: e.data.statusCode!, packageId: e.data.packageId!, at: e.occurredAt }));
}

test('a document from another agency is registered as the year’s number 1, directed to a unit, passed to a specialist and finished; the sender’s tracking view shows registered → assigned → processing → finished with times', async ({ page }) => {
  test.setTimeout(240_000);
  // Văn thư: the arrival is in the inbox with its signature check; register it.
  await logIn(page, 'vanthu.snv');
  await openDocument(page, '/van-ban-den');
  const id = page.url().split('/').pop()!;
  await expect(page.getByTestId('signature-status')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
  await expect(page.getByTestId('arrival-number')).toHaveText('1');
  await page.screenshot({ path: '.tmp/screenshots/incoming-registered.png', fullPage: true });

  // Lãnh đạo: instruction, lead unit, deadline.
  await switchUser(page, 'giamdoc.snv');
  await openDocument(page, '/van-ban-den');
  await page.getByLabel('Ý kiến chỉ đạo (bút phê)').fill('Giao Phòng Công chức, viên chức chủ trì tham mưu trả lời.');
  await page.getByLabel('Đơn vị, cá nhân chủ trì').selectOption({ label: 'Phòng Công chức, viên chức' });
  const deadline = new Date(Date.now() + 10 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel('Hạn xử lý').fill(deadline);
  await page.getByRole('button', { name: 'Giao xử lý' }).click();
  await expect(page.getByRole('cell', { name: 'Giao Phòng Công chức, viên chức chủ trì tham mưu trả lời.' })).toBeVisible();

  // Trưởng phòng: pass it on to a specialist of the unit.
  await switchUser(page, 'truongphong.snv');
  await openDocument(page, '/viec-cua-toi');
  await page.getByLabel('Người được giao').selectOption({ label: 'Ngô Thị Chuyên (Chuyên viên)' });
  await page.getByLabel('Ý kiến giao việc').fill('Đồng chí Chuyên dự thảo báo cáo.');
  await page.getByRole('button', { name: 'Giao việc' }).click();
  await expect(page.getByRole('cell', { name: 'Đồng chí Chuyên dự thảo báo cáo.' })).toBeVisible();

  // Chuyên viên: a comment (processing starts), then finished.
  await switchUser(page, 'chuyenvien.snv');
  await openDocument(page, '/viec-cua-toi');
  await page.getByLabel('Ý kiến xử lý').fill('Đã tổng hợp số liệu biên chế.');
  await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
  await expect(page.getByText('Đã tổng hợp số liệu biên chế.')).toBeVisible();
  await page.getByLabel('Kết quả xử lý').fill('Đã gửi báo cáo cho Sở Tài chính.');
  await page.getByRole('button', { name: 'Hoàn thành' }).click();
  await expect(page.getByText('Đã hoàn thành', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: '.tmp/screenshots/incoming-finished.png', fullPage: true });

  // The statuses the receiver sent, in order.
  const sent = await statusPackages(page.request, id);
  expect(sent.map((s) => s.code)).toEqual(['01', '03', '04', '05', '06']);

  // The sender's clerk: the tracking view of the issued document shows them, in order, with times.
  await switchUser(page, 'vanthu.stc');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click();
  await page.getByRole('button', { name: 'Đã phát hành' }).click();
  await expect(page.getByRole('button', { name: 'Đã phát hành' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: SUBJECT }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  const shown = await waitForStatus(page, SNV, '06');
  expect(shown.map((s) => `${s.code} ${s.name}`)).toEqual(['01 Đã đến', '03 Đã tiếp nhận', '04 Phân công xử lý', '05 Đang xử lý', '06 Hoàn thành']);
  expectInTimeOrder(shown);
  await page.screenshot({ path: '.tmp/screenshots/incoming-sender-tracking.png', fullPage: true });
});
