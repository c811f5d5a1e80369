import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { DEMO_PASSWORD, logIn } from './helpers.ts';
import { MAIN_URL, PEER_CLERK, PEER_URL } from './instances.ts';
import { contextFor, expectInTimeOrder, trackingRow, waitForStatus } from './tracking.ts';

/**
 * Issue 6 end to end, across two deployments: a specialist drafts, the head of unit approves, the
 * leader signs, the clerk issues and sends to three agencies: two on this deployment (Bạc Liêu) and
 * Sở Nội vụ tỉnh Cà Mau on the second running instance (tests/e2e/instances.ts), reached hub to hub.
 * Each recipient's clerk, on their own deployment, finds it under "Văn bản đến" and registers it; the
 * sender's tracking view then shows, per recipient, the delivery and the statuses that came back
 * (01 arrived, 03 registered) with their times.
 */
const RECIPIENTS = [
  { search: 'so tai chinh', name: 'Sở Tài chính tỉnh Bạc Liêu', clerk: 'vanthu.stc', baseURL: MAIN_URL },
  { search: 'van phong uy ban nhan dan tinh', name: 'Văn phòng Ủy ban nhân dân tỉnh Bạc Liêu', clerk: 'vanthu.vp', baseURL: MAIN_URL },
  { search: 'so noi vu tinh ca mau', name: PEER_CLERK.agency, clerk: PEER_CLERK.username, baseURL: PEER_URL },
];

async function openOutgoingRegister(baseURL: string): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username: 'quantri.snv', password: DEMO_PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await api.post('/api/registers', { data: { direction: 'outgoing' }, headers: { 'x-csrf-token': csrfToken } });
  expect([201, 409]).toContain(res.status());
  await api.dispose();
}

async function openFromList(page: Page, tab: string, subject: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click();
  await page.getByRole('button', { name: tab }).click();
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
}

/** The recipient's clerk, on the recipient's own deployment, finds the document under "Văn bản đến" and registers it. */
async function registerAtRecipient(browser: Browser, r: (typeof RECIPIENTS)[number], subject: string): Promise<void> {
  const context = await contextFor(browser, r.baseURL);
  try {
    const page = await context.newPage();
    await logIn(page, r.clerk);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản đến', exact: true }).click();
    await expect(page).toHaveURL(/\/van-ban-den$/);
    // The worker turns the delivered package into an arrival; reload the inbox until it is there.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('link', { name: subject })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await page.getByRole('link', { name: subject }).click();
    await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await page.getByRole('button', { name: 'Vào sổ văn bản đến' }).click();
    await expect(page.getByTestId('arrival-number')).toHaveText(/^\d+$/);
  } finally {
    await context.close();
  }
}

test('specialist drafts, head of unit approves, leader signs, clerk issues to three agencies (one on another deployment); each registers it and the sender tracks them', async ({ page, baseURL, browser }) => {
  test.setTimeout(300_000);
  await openOutgoingRegister(baseURL!);
  const subject = `Quyết định cử cán bộ tham gia tập huấn ${Date.now()}`;

  await logIn(page, 'chuyenvien.snv');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Soạn văn bản mới' }).click();
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
  await page.getByLabel('Trích yếu nội dung').fill(subject);
  await page.getByLabel('Văn bản chính (PDF hoặc DOCX)').setInputFiles({ name: 'du-thao.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await samplePdf(1)) });
  await expect(page.getByText('Đã tải lên: du-thao.pdf')).toBeVisible();
  await page.getByLabel('Người ký').selectOption({ label: 'Huỳnh Văn Đức (Giám đốc)' });
  for (const r of RECIPIENTS) {
    await page.getByLabel('Tìm cơ quan nhận (gõ không dấu cũng được)').fill(r.search);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: `Thêm ${r.name}`, exact: true }).click();
  }
  await expect(page.getByRole('list', { name: 'Cơ quan nhận đã chọn' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await page.getByRole('button', { name: 'Trình duyệt' }).click();
  await expect(page.getByTestId('state')).toHaveText('Đang xem xét');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await logIn(page, 'truongphong.snv');
  await openFromList(page, 'Chờ tôi xem xét', subject);
  await page.getByRole('button', { name: 'Đồng ý' }).click();
  await expect(page.getByTestId('state')).toHaveText('Chờ ký');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await logIn(page, 'giamdoc.snv');
  await openFromList(page, 'Chờ tôi ký', subject);
  await page.getByRole('button', { name: 'Ký số' }).click();
  await expect(page.getByTestId('state')).toHaveText('Đã ký');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await logIn(page, 'vanthu.snv');
  await openFromList(page, 'Chờ phát hành', subject);
  await page.getByRole('button', { name: 'Cấp số và phát hành' }).click();
  await expect(page.getByTestId('state')).toHaveText('Đã phát hành');
  await expect(page.getByTestId('number')).toHaveText(/^Số: \d{2,}\/QĐ-SNV$/);
  for (const r of RECIPIENTS) {
    // The workers deliver: locally into the agency's inbox, or hub to hub to Cà Mau; "Làm mới" reloads the view.
    await expect(async () => {
      await page.getByRole('button', { name: 'Làm mới' }).click();
      await expect(trackingRow(page, r.name)).toContainText('Đã chuyển đến', { timeout: 1000 });
    }).toPass({ timeout: 60_000 });
  }
  const issuedUrl = page.url();

  for (const r of RECIPIENTS) await registerAtRecipient(browser, r, subject);

  // Back at the sender: every recipient's 01 (arrived) and 03 (registered) came back, with times, in order.
  await page.goto(issuedUrl);
  for (const r of RECIPIENTS) {
    const shown = await waitForStatus(page, r.name, '03');
    expect(shown.map((s) => s.code), r.name).toEqual(['01', '03']);
    expectInTimeOrder(shown);
    await expect(trackingRow(page, r.name)).toContainText('Đã tiếp nhận');
  }
  await page.screenshot({ path: '.tmp/screenshots/outgoing-tracking.png', fullPage: true });
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ văn bản đi' }).click();
  // The tracking page has tables too: look only once the register page is there.
  await expect(page).toHaveURL(/\/van-ban-di\/so$/);
  await expect(page.getByRole('link', { name: 'Xuất Excel' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText(subject);
});
