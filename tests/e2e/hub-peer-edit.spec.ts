import { expect, test } from '@playwright/test';
import { makeTestPki } from '../../server/adapters/hub/testing/certs.ts';
import { DEMO_PASSWORD, logIn } from './helpers.ts';

interface PeerRow { id: string; name: string; certificateCheck: string; active: boolean; endpointUrl: string | null }

test('the system operator edits a peer from the peer list: an unreadable certificate is refused with the reason, then the new certificate, chain-revocation and a pause are saved and a new token is shown once', async ({ page, request }) => {
  const pki = makeTestPki();
  const peerName = `Trục tỉnh sửa thử H77 ${Date.now()}`;
  const login = await request.post('/api/auth/login', { data: { username: 'vanhanh', password: DEMO_PASSWORD } });
  const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const created = await request.post('/api/hub/peers', { headers: csrf, data: { name: peerName, codePrefixes: ['H77'], endpointUrl: 'http://127.0.0.1:9/', certificatePem: pki.organ.certificatePem, certificateCheck: 'registered' } });
  expect(created.status(), await created.text()).toBe(201);

  await logIn(page, 'vanhanh');
  await page.goto('/truc-lien-thong');
  await page.getByRole('link', { name: `Sửa trục ${peerName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sửa trục kết nối' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Sửa trục kết nối' });
  await expect(form.getByLabel('Tên trục')).toHaveValue(peerName);
  await expect(form.getByLabel('Kiểm tra chứng thư')).toHaveValue('registered');

  await form.getByLabel('Chứng thư số mới (PEM)').fill('-----BEGIN CERTIFICATE-----\nkhông phải chứng thư\n-----END CERTIFICATE-----');
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(form.getByRole('alert')).toContainText('Chứng thư số của trục không đọc được (cần PEM X.509).');

  await form.getByLabel('Chứng thư số mới (PEM)').fill(pki.stranger.certificatePem);
  await form.getByLabel('Kiểm tra chứng thư').selectOption('chain-revocation');
  await form.getByLabel('Địa chỉ trục').fill('https://truc-h77.example.vn/edxml/');
  await form.getByLabel('Trục đang hoạt động').uncheck();
  await form.getByLabel('Cấp mã xác thực mới cho trục (mã cũ hết hiệu lực)').check();
  await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu thay đổi của trục ${peerName} (đang tạm ngừng` })).toBeVisible();
  await expect(page.getByLabel('Mã xác thực mới của trục')).toHaveText(/^[\w-]{32,}$/);

  await page.getByRole('link', { name: 'Về trục liên thông' }).click();
  const row = page.getByRole('table', { name: 'Tình trạng các trục kết nối' }).getByRole('row').filter({ hasText: peerName });
  await expect(row).toContainText('Ngừng');
  await expect(row).toContainText('https://truc-h77.example.vn/edxml/');
  const peers = (await (await page.request.get('/api/hub/peers')).json()) as { items: PeerRow[] };
  expect(peers.items.filter((p) => p.name === peerName)).toEqual([
    expect.objectContaining({ certificateCheck: 'chain-revocation', active: false, endpointUrl: 'https://truc-h77.example.vn/edxml/' }),
  ]);
});
