import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { DEMO_PASSWORD, logIn } from './helpers.ts';
import { trackingRow } from './tracking.ts';

/**
 * Recipients other than agencies on the exchange, and the signing capacities behind them: a paper
 * recipient and an internal unit entered in the draft editor; after issue the unit finds the document
 * under "Văn bản nội bộ" and the clerk records the posted master copy; the agency administrator grants
 * and withdraws a "TL." capacity.
 */
const UNIT = 'Phòng Công chức, viên chức';
const PAPER = { name: 'Công ty TNHH Minh Phát', address: '12 Trần Phú, phường 7, thành phố Bạc Liêu' };

async function apiAs(baseURL: string, username: string): Promise<{ api: APIRequestContext; csrf: Record<string, string> }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: { 'x-csrf-token': csrfToken } };
}

async function step(baseURL: string, username: string, url: string): Promise<void> {
  const who = await apiAs(baseURL, username);
  const res = await who.api.post(url, { headers: who.csrf, data: {} });
  expect(res.status(), await res.text()).toBe(200);
  await who.api.dispose();
}

test('paper and internal recipients from the editor: the unit reads it under Văn bản nội bộ, the clerk records Đã gửi bản giấy', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const admin = await apiAs(baseURL!, 'quantri.snv');
  expect([201, 409]).toContain((await admin.api.post('/api/registers', { data: { direction: 'outgoing' }, headers: admin.csrf })).status());
  await admin.api.dispose();
  const subject = `Quyết định giao chỉ tiêu tuyển dụng ${Date.now()}`;

  await logIn(page, 'chuyenvien.snv');
  await page.goto('/van-ban-di/moi');
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
  await page.getByLabel('Trích yếu nội dung').fill(subject);
  await page.getByLabel('Văn bản chính (PDF hoặc DOCX)').setInputFiles({ name: 'du-thao.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await samplePdf(1)) });
  await expect(page.getByText('Đã tải lên: du-thao.pdf')).toBeVisible();
  await page.getByLabel('Người ký').selectOption({ label: 'Huỳnh Văn Đức (Giám đốc)' });
  await page.getByRole('group', { name: 'Đơn vị nội bộ nhận' }).getByLabel(UNIT).check();
  await page.getByRole('button', { name: 'Thêm nơi nhận bản giấy' }).click();
  await page.getByLabel('Tên cơ quan, tổ chức nhận bản giấy 1').fill(PAPER.name);
  await page.getByLabel('Địa chỉ gửi bản giấy 1').fill(PAPER.address);
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const id = /\/van-ban-di\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await step(baseURL!, 'chuyenvien.snv', `/api/outgoing/${id}/submit`);
  await step(baseURL!, 'truongphong.snv', `/api/outgoing/${id}/approve`);
  await step(baseURL!, 'giamdoc.snv', `/api/outgoing/${id}/sign`);
  await step(baseURL!, 'vanthu.snv', `/api/outgoing/${id}/issue`);

  // The unit's head: a notification (the bell is an inline icon) and the document under "Văn bản nội bộ".
  await logIn(page, 'truongphong.snv');
  await expect(page.getByRole('link', { name: /^Thông báo: [1-9]\d* chưa đọc$/ }).locator('svg')).toBeVisible();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản nội bộ' }).click();
  const table = page.getByRole('table', { name: 'Văn bản nội bộ gửi đơn vị' });
  await expect(table.getByRole('row').filter({ hasText: subject })).toContainText(/\d+\/QĐ-SNV/);
  await table.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  // The clerk: the unit shows as delivered; the paper copy is recorded once, with its time.
  await logIn(page, 'vanthu.snv');
  await page.goto(`/van-ban-di/${id}`);
  await expect(trackingRow(page, UNIT)).toContainText('Đã chuyển (nội bộ)');
  const paperRow = trackingRow(page, PAPER.name);
  await expect(paperRow).toContainText(`Bản giấy: ${PAPER.address}`);
  await expect(paperRow).toContainText('Chưa gửi bản giấy');
  await paperRow.getByRole('button', { name: `Đã gửi bản giấy đến ${PAPER.name}` }).click();
  await expect(paperRow).toContainText(/Đã gửi bản giấy\s*\d{1,2}:\d{2}:\d{2},? \d{1,2}\/\d{1,2}\/\d{4}/);
  await expect(paperRow.getByRole('button', { name: `Đã gửi bản giấy đến ${PAPER.name}` })).toHaveCount(0);
  await page.screenshot({ path: '.tmp/screenshots/outgoing-paper-internal.png', fullPage: true });
});

test('the agency administrator grants a unit head "TL." for decisions and withdraws it', async ({ page }) => {
  await logIn(page, 'quantri.snv');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thẩm quyền ký' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thẩm quyền ký' })).toBeVisible();
  await page.getByLabel('Người được giao').selectOption({ label: 'Lý Văn Trưởng (Trưởng phòng)' });
  await page.getByRole('combobox', { name: 'Thẩm quyền', exact: true }).selectOption('TL.');
  await page.getByLabel('Loại văn bản (không chọn: mọi loại)').selectOption([{ label: 'Quyết định' }]);
  await page.getByRole('button', { name: 'Giao thẩm quyền ký' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã giao thẩm quyền ký.' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Thẩm quyền ký đã giao' }).getByRole('row').filter({ hasText: 'Lý Văn Trưởng' });
  await expect(row).toContainText('TL.');
  await expect(row).toContainText('Quyết định');
  await expect(row).toContainText('Không thời hạn');
  await page.screenshot({ path: '.tmp/screenshots/signing-grants.png', fullPage: true });

  // A "TUQ." without its authorisation is refused with the sentence saying what is missing.
  await page.getByLabel('Người được giao').selectOption({ label: 'Lý Văn Trưởng (Trưởng phòng)' });
  await page.getByRole('combobox', { name: 'Thẩm quyền', exact: true }).selectOption('TUQ.');
  await page.getByRole('button', { name: 'Giao thẩm quyền ký' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ủy quyền "TUQ." cần số giấy ủy quyền và thời hạn (từ ngày, đến ngày).' })).toBeVisible();

  await row.getByRole('button', { name: 'Thu hồi TL. của Lý Văn Trưởng' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã thu hồi thẩm quyền TL. của Lý Văn Trưởng.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Thẩm quyền ký đã giao' })).toContainText('Chưa giao thẩm quyền ký nào.');
});
