import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './helpers.ts';

/** Fixtures from tests/e2e/fixtures/signing/make-fixtures.ts: a CA outside the system and what it signed. */
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'signing');
const fixture = (name: string) => path.join(FIXTURES, name);

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

test('the operator trusts the CA; the agency admin imports the seal certificate and image and previews where they land', async ({ page }) => {
  // The system operator adds the outside CA's root and CRL on the trust screen.
  await logIn(page, 'vanhanh');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nguồn tin cậy chữ ký số' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nguồn tin cậy chữ ký số' })).toBeVisible();
  const anchors = page.getByRole('region', { name: 'Chứng thư tin cậy' });
  await anchors.getByLabel('Tệp chứng thư (PEM, DER)').setInputFiles(fixture('organisation.p12'));
  await anchors.getByRole('button', { name: 'Thêm chứng thư' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'không phải chứng thư số X.509' })).toBeVisible();
  await anchors.getByLabel('Tệp chứng thư (PEM, DER)').setInputFiles(fixture('root.crt'));
  await anchors.getByRole('button', { name: 'Thêm chứng thư' }).click();
  await expect(anchors.getByRole('row', { name: /Lienthong Test Root CA/ })).toContainText('Gốc');
  const crls = page.getByRole('region', { name: 'Danh sách chứng thư bị thu hồi (CRL)' });
  await crls.getByLabel('hoặc tệp CRL (PEM, DER)').setInputFiles(fixture('root.crl'));
  await crls.getByRole('button', { name: 'Thêm nguồn CRL' }).click();
  await expect(crls.getByRole('row', { name: /Tệp tải lên/ })).toContainText('Lienthong Test Root CA');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  await logIn(page, 'quantri.snv');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chữ ký số của cơ quan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chữ ký số của cơ quan' })).toBeVisible();

  const certificates = page.getByRole('region', { name: 'Chứng thư số' });
  await certificates.getByLabel('Tệp PKCS#12 (.p12, .pfx)').setInputFiles(fixture('organisation.p12'));
  await certificates.getByLabel('Mật khẩu của tệp').fill('sai-mat-khau');
  await certificates.getByRole('button', { name: 'Nhập chứng thư số' }).click();
  await expect(certificates.getByRole('alert')).toContainText('PKCS#12');
  await certificates.getByLabel('Mật khẩu của tệp').fill('Thu-nghiem-2026');
  await certificates.getByRole('button', { name: 'Nhập chứng thư số' }).click();
  await expect(certificates.getByRole('status').filter({ hasText: 'Đã nhập chứng thư số' })).toBeVisible();
  const row = certificates.getByRole('row', { name: /Cơ quan \(con dấu\)/ });
  await expect(row).toContainText('Sở Xây dựng');
  await expect(row).toContainText('Hợp lệ');
  await expect(certificates).not.toContainText('PRIVATE');

  const images = page.getByRole('region', { name: 'Ảnh con dấu và chữ ký' });
  await images.getByLabel('Đường kính con dấu (mm)').fill('34');
  await images.getByLabel('Ảnh PNG (nền trong suốt)').setInputFiles(fixture('seal.png'));
  await images.getByRole('button', { name: 'Tải lên' }).click();
  await expect(images.getByRole('status').filter({ hasText: 'Đã tải lên ảnh con dấu.' })).toBeVisible();
  await expect(images.getByRole('row', { name: /Con dấu/ })).toContainText('300×300 điểm ảnh, đường kính 34 mm');
  await expect(images.getByRole('img', { name: 'Ảnh con dấu' })).toBeVisible();

  const preview = page.getByRole('region', { name: 'Xem trước vị trí chữ ký và con dấu' });
  await preview.getByLabel('Người ký').selectOption({ label: 'Huỳnh Văn Đức (Giám đốc)' });
  await expect(preview.getByRole('img', { name: 'Sơ đồ vị trí chữ ký số trên trang A4' })).toBeVisible();
  await expect(preview.locator('[data-box="seal"]')).toHaveAttribute('href', /\/api\/signing\/images\/.+\/png/);
  await expect(preview).toContainText('đường kính 34 mm');
  await page.screenshot({ path: '.tmp/screenshots/signing-admin.png', fullPage: true });
});

test('a clerk checks the signatures of an uploaded PDF and of a stored file: one line per signature', async ({ page }) => {
  await logIn(page, 'vanthu.snv');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kiểm tra chữ ký số' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kiểm tra chữ ký số' })).toBeVisible();

  await page.getByLabel('Tệp PDF', { exact: true }).setInputFiles(fixture('tampered.pdf'));
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  const lines = page.getByRole('table').getByRole('row');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(1)).toContainText('Nguyễn Văn Ánh');
  await expect(lines.nth(1)).toContainText('Không hợp lệ');
  await expect(lines.nth(1)).toContainText('bị thay đổi');

  // The same file stored, untouched: the panel a document screen embeds, given the file id.
  const upload = await page.request.post('/api/files', {
    data: readFileSync(fixture('signed.pdf')),
    headers: { 'content-type': 'application/pdf', 'x-file-name': 'quyet-dinh.pdf', 'x-csrf-token': await csrf(page) },
  });
  expect(upload.status()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  await page.goto(`/kiem-tra-chu-ky?tep=${id}`);
  const panel = page.getByRole('region', { name: 'Chữ ký số của tệp đã lưu' });
  await expect(panel.getByRole('row')).toHaveCount(3);
  await expect(panel.getByRole('row').nth(1)).toContainText('Nguyễn Văn Ánh');
  await expect(panel.getByRole('row').nth(1)).toContainText('05/01/2026 10:00:00');
  await expect(panel.getByRole('row').nth(2)).toContainText('Sở Xây dựng');
  await expect(panel).toContainText('Kết luận: Hợp lệ');
  await page.screenshot({ path: '.tmp/screenshots/signature-panel.png', fullPage: true });
});
