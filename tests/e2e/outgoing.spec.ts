import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { DEMO_PASSWORD, logIn } from './helpers.ts';

/**
 * Issue 6 end to end on one deployment: a specialist drafts, the head of unit approves, the
 * leader signs, the clerk issues and sends to three agencies through the hub; the tracking view
 * shows each delivery and the register lists the document. The recipients here all live on this
 * deployment: the second-instance part waits for the hub's two-instance harness.
 */
const RECIPIENTS = [
  { search: 'so tai chinh', name: 'Sở Tài chính tỉnh Bạc Liêu' },
  { search: 'uy ban nhan dan tinh', name: 'Ủy ban nhân dân tỉnh Bạc Liêu' },
  { search: 'thanh pho bac lieu', name: 'Ủy ban nhân dân thành phố Bạc Liêu' },
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

test('specialist drafts, head of unit approves, leader signs, clerk issues to three agencies and tracks them', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
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
  const tracking = page.getByRole('table', { name: 'Tình trạng từng nơi nhận' });
  for (const r of RECIPIENTS) {
    const row = tracking.getByRole('row').filter({ hasText: r.name });
    // The worker delivers into each agency's inbox on this deployment; "Làm mới" reloads the view.
    await expect(async () => {
      await page.getByRole('button', { name: 'Làm mới' }).click();
      await expect(row).toContainText('Đã chuyển đến', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  }
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sổ văn bản đi' }).click();
  await expect(page.getByRole('table')).toContainText(subject);
  await expect(page.getByRole('link', { name: 'Xuất Excel' })).toBeVisible();
});
