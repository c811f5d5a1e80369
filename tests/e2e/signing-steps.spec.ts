import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { DEMO_PASSWORD, logIn } from './helpers.ts';

/**
 * The signing steps of an outgoing document in the browser: the leader chooses where the signature
 * goes and sees the preview before signing; every PDF the screens open has its validation panel,
 * one line per signature (who, agency, time, result, reason), in Vietnamese — the signed file, the
 * issued file, and the file as it arrives at the recipient.
 */
const SNV = 'Sở Nội vụ tỉnh Bạc Liêu';
const STC = 'Sở Tài chính tỉnh Bạc Liêu';

async function apiAs(baseURL: string, username: string): Promise<{ api: APIRequestContext; csrf: Record<string, string> }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: { 'x-csrf-token': csrfToken } };
}

/** A draft to Sở Tài chính, submitted and approved through the API, waiting for the director's signature. */
async function documentAwaitingSignature(baseURL: string, subject: string): Promise<string> {
  const admin = await apiAs(baseURL, 'quantri.snv');
  const register = await admin.api.post('/api/registers', { data: { direction: 'outgoing' }, headers: admin.csrf });
  expect([201, 409]).toContain(register.status());
  await admin.api.dispose();

  const specialist = await apiAs(baseURL, 'chuyenvien.snv');
  const upload = await specialist.api.post('/api/files', {
    data: Buffer.from(await samplePdf(2)), headers: { ...specialist.csrf, 'content-type': 'application/pdf', 'x-file-name': 'du-thao.pdf' },
  });
  expect(upload.status()).toBe(201);
  const signers = (await (await specialist.api.get('/api/outgoing-signers')).json()) as { items: { id: string; fullName: string }[] };
  const stc = (await (await specialist.api.get('/api/agencies', { params: { q: 'so tai chinh' } })).json()) as { items: { id: string; name: string }[] };
  const draft = await specialist.api.post('/api/outgoing', {
    headers: specialist.csrf,
    data: {
      typeCode: 'decision', subject, mainFileId: ((await upload.json()) as { id: string }).id,
      signerId: signers.items.find((s) => s.fullName === 'Huỳnh Văn Đức')!.id,
      recipientAgencyIds: [stc.items.find((a) => a.name === STC)!.id], toPlaces: 'Như trên;\nLưu: VT.',
    },
  });
  expect(draft.status(), await draft.text()).toBe(201);
  const id = ((await draft.json()) as { id: string }).id;
  expect((await specialist.api.post(`/api/outgoing/${id}/submit`, { headers: specialist.csrf, data: {} })).status()).toBe(200);
  await specialist.api.dispose();
  const head = await apiAs(baseURL, 'truongphong.snv');
  expect((await head.api.post(`/api/outgoing/${id}/approve`, { headers: head.csrf, data: {} })).status()).toBe(200);
  await head.api.dispose();
  return id;
}

test('the leader places the signature with a preview and signs; the clerk sees where the seal lands; panels show each signature', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const subject = `Quyết định thử vị trí chữ ký ${Date.now()}`;
  const id = await documentAwaitingSignature(baseURL!, subject);

  // The leader's "ký số" step: position on page 1, left column, and the preview follows the choice.
  await logIn(page, 'giamdoc.snv');
  await page.goto(`/van-ban-di/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const step = page.getByRole('region', { name: 'Vị trí chữ ký số' });
  const preview = step.getByRole('img', { name: 'Sơ đồ vị trí chữ ký số trên trang A4' });
  await expect(preview).toBeVisible();
  await expect(step).toContainText('Chữ ký của người có thẩm quyền ở ô 7c trang cuối');
  const before = await preview.locator('[data-box="signature"]').boundingBox();
  await step.getByLabel('Trang đặt chữ ký').fill('1');
  await step.getByLabel('Vị trí theo chiều ngang').selectOption({ label: 'Bên trái' });
  await expect(step).toContainText('Chữ ký của người có thẩm quyền ở ô 7c trang 1');
  const after = await preview.locator('[data-box="signature"]').boundingBox();
  expect(after!.x).toBeLessThan(before!.x - 50);
  // The draft's own panel: no signature yet.
  await expect(page.getByRole('region', { name: 'Chữ ký số — dự thảo' })).toContainText('Kết luận');
  await page.screenshot({ path: '.tmp/screenshots/signing-step.png', fullPage: true });
  await page.getByRole('button', { name: 'Ký số' }).click();
  await expect(page.getByTestId('state')).toHaveText('Đã ký');

  const signedPanel = page.getByRole('region', { name: 'Chữ ký số — văn bản đã ký' });
  const leaderLine = signedPanel.getByRole('row', { name: /Huỳnh Văn Đức/ });
  await expect(leaderLine).toContainText(SNV);
  await expect(leaderLine).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expect(leaderLine.locator('td').nth(3)).toContainText(/Hợp lệ|Chưa xác định/);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  // The clerk's issue step shows the stamps where they will land: the signer's box on page 1 and the seal over it.
  await logIn(page, 'vanthu.snv');
  await page.goto(`/van-ban-di/${id}`);
  const seal = page.getByRole('region', { name: 'Vị trí con dấu' });
  await expect(seal.getByRole('img', { name: 'Sơ đồ vị trí chữ ký số trên trang A4' })).toBeVisible();
  await expect(seal).toContainText('Chữ ký của người có thẩm quyền ở ô 7c trang 1');
  const signerBox = await seal.locator('[data-box="signature"]').boundingBox();
  const sealBox = await seal.locator('[data-box="seal"]').boundingBox();
  // The seal overlaps about the left third of the signer's image.
  expect(sealBox!.x + sealBox!.width).toBeGreaterThan(signerBox!.x + signerBox!.width / 4);
  expect(sealBox!.x + sealBox!.width).toBeLessThan(signerBox!.x + signerBox!.width / 2.5);
  await page.getByRole('button', { name: 'Cấp số và phát hành' }).click();
  await expect(page.getByTestId('state')).toHaveText('Đã phát hành');

  const issuedPanel = page.getByRole('region', { name: 'Chữ ký số — văn bản đã ban hành' });
  await expect(issuedPanel.getByRole('columnheader')).toHaveText(['#', 'Người ký', 'Cơ quan', 'Thời điểm ký', 'Kết quả', 'Lý do']);
  await expect(issuedPanel.getByRole('row')).toHaveCount(3);
  await expect(issuedPanel.getByRole('row', { name: /Huỳnh Văn Đức/ })).toContainText(SNV);
  await expect(issuedPanel.getByRole('row', { name: new RegExp(SNV) }).last()).toContainText(/Hợp lệ|Chưa xác định/);
  await page.screenshot({ path: '.tmp/screenshots/signing-issued-panel.png', fullPage: true });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  // At the recipient, the arrived file has the same panel.
  await logIn(page, 'vanthu.stc');
  await expect(async () => {
    await page.goto('/van-ban-den');
    await expect(page.getByRole('link', { name: subject })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole('link', { name: subject }).click();
  const arrived = page.getByRole('region', { name: /^Chữ ký số — / }).first();
  await expect(arrived.getByRole('row', { name: /Huỳnh Văn Đức/ })).toContainText(SNV);
  await expect(arrived.getByRole('row')).toHaveCount(3);
  await expect(arrived).toContainText('Kết luận');
  await page.screenshot({ path: '.tmp/screenshots/signing-incoming-panel.png', fullPage: true });
});
