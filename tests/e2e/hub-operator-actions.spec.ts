import { expect, test } from '@playwright/test';
import { makeTestPki } from '../../server/adapters/hub/testing/certs.ts';
import { documentPackage } from '../exchange/exchange-client.ts';
import { fakePeer } from './fake-peer.ts';
import { DEMO_PASSWORD, logIn } from './helpers.ts';

interface PeerRow { name: string; codePrefixes: string[]; endpointUrl: string | null; signaturePolicy: string; certificateCheck: string }

test('the system operator registers a peer hub on the form: a bad code and an unreadable certificate are refused with the reason, then the hub is listed', async ({ page }) => {
  const pki = makeTestPki();
  const peerName = `Trục tỉnh thử nghiệm H78 ${Date.now()}`;
  await logIn(page, 'vanhanh');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trục liên thông' }).click();
  await page.getByRole('link', { name: 'Đăng ký trục kết nối' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký trục kết nối' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Đăng ký trục kết nối' });
  await form.getByLabel('Tên trục').fill(peerName);
  await form.getByLabel('Mã phục vụ').fill('H4@1');
  await form.getByLabel('Địa chỉ trục').fill('http://127.0.0.1:9/');
  await form.getByRole('button', { name: 'Đăng ký trục' }).click();
  await expect(form.getByRole('alert')).toContainText('"H4@1" không phải mã định danh, nhóm cấp 1 (như H41) hay "*".');

  await form.getByLabel('Mã phục vụ').fill('H78');
  await form.getByLabel('Chứng thư số (PEM)').fill('-----BEGIN CERTIFICATE-----\nkhông phải chứng thư\n-----END CERTIFICATE-----');
  await form.getByRole('button', { name: 'Đăng ký trục' }).click();
  await expect(form.getByRole('alert')).toContainText('Chứng thư số của trục không đọc được (cần PEM X.509).');

  await form.getByLabel('Tệp chứng thư số').setInputFiles({ name: 'truc-h78.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pki.organ.certificatePem) });
  await expect(form.getByLabel('Chứng thư số (PEM)')).toHaveValue(pki.organ.certificatePem);
  // With a certificate the full check of §2.7 is preselected; a weaker level says it falls short.
  await expect(form.getByLabel('Kiểm tra chứng thư')).toHaveValue('chain-revocation');
  await form.getByLabel('Kiểm tra chứng thư').selectOption('chain');
  await expect(form.getByText('Mức này không đáp ứng quy định trao đổi (§2.7).', { exact: false })).toBeVisible();
  await form.getByLabel('Kiểm tra chứng thư').selectOption('chain-revocation');
  await expect(form.getByText('không đáp ứng quy định trao đổi', { exact: false })).toHaveCount(0);
  await form.getByLabel('Mã xác thực gửi tới trục').fill('tok-gui-toi-h78');
  await form.getByLabel('Chính sách chữ ký').selectOption('unsigned-allowed');
  await form.getByRole('button', { name: 'Đăng ký trục' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã đăng ký trục ${peerName} (H78).` })).toBeVisible();
  await expect(page.getByLabel('Mã xác thực của trục')).toHaveText(/^[\w-]{32,}$/);

  await page.getByRole('link', { name: 'Về trục liên thông' }).click();
  const row = page.getByRole('table', { name: 'Tình trạng các trục kết nối' }).getByRole('row').filter({ hasText: peerName });
  await expect(row).toContainText('http://127.0.0.1:9/');
  await expect(row).toContainText('H78');
  const peers = (await (await page.request.get('/api/hub/peers')).json()) as { items: PeerRow[] };
  expect(peers.items.filter((p) => p.name === peerName)).toEqual([
    expect.objectContaining({ codePrefixes: ['H78'], endpointUrl: 'http://127.0.0.1:9/', signaturePolicy: 'unsigned-allowed', certificateCheck: 'chain-revocation' }),
  ]);
});

test('the system operator abandons a dead letter with a reason: it leaves the list and its trace shows it abandoned', async ({ page, request }) => {
  const peerPort = Number(process.env.E2E_PORT ?? 3210) + 101;
  const peer = await fakePeer(peerPort);
  try {
    const pki = makeTestPki();
    const login = await request.post('/api/auth/login', { data: { username: 'vanhanh', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const hub = await request.post('/api/hub/peers', { headers: csrf, data: { name: `Trục thử nghiệm H79 ${Date.now()}`, codePrefixes: ['H79'], endpointUrl: `http://127.0.0.1:${peerPort}/`, outboundToken: 'tok-thu-nghiem' } });
    expect(hub.status(), await hub.text()).toBe(201);
    // Deliberately weaker than §2.7: this throwaway test CA is not a trust anchor of the running system.
    const endpoint = await request.post('/api/hub/peers', { headers: csrf, data: { name: 'Hệ thống QLVB thử nghiệm bỏ gửi', codePrefixes: ['000.00.00.H04'], certificatePem: pki.organ.certificatePem, certificateCheck: 'registered' } });
    expect(endpoint.status(), await endpoint.text()).toBe(201);
    const token = ((await endpoint.json()) as { inboundToken: string }).inboundToken;
    const pkg = documentPackage('000.00.00.H04', ['000.00.01.H79'], pki.organ);
    const pushed = await request.post('/api/hub/packages', { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml', 'x-package-id': pkg.packageId }, data: pkg.bytes });
    expect(pushed.status(), await pushed.text()).toBe(200);

    await logIn(page, 'vanhanh');
    await page.goto('/truc-lien-thong/dung-chuyen');
    const row = page.getByRole('row').filter({ hasText: pkg.packageId });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText('000.00.00.H04 → 000.00.01.H79', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });

    await row.getByRole('button', { name: `Bỏ gửi gói tin ${pkg.packageId} tới 000.00.01.H79` }).click();
    const form = page.getByRole('form', { name: `Bỏ gửi gói tin ${pkg.packageId} tới 000.00.01.H79` });
    await form.getByRole('button', { name: 'Xác nhận bỏ gửi' }).click();
    await expect(form.getByRole('alert')).toHaveText('Cần nêu lý do bỏ gửi gói tin.');
    await expect(page.getByRole('row').filter({ hasText: pkg.packageId })).toHaveCount(1);

    await form.getByLabel('Lý do bỏ gửi').fill('Tỉnh nhận đã ngừng dùng mã này; văn bản gửi lại bằng đường bưu chính');
    await form.getByRole('button', { name: 'Xác nhận bỏ gửi' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Đã bỏ gửi gói tin ${pkg.packageId} tới 000.00.01.H79.` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: pkg.packageId })).toHaveCount(0);

    await page.goto(`/truc-lien-thong/tra-cuu?ma=${encodeURIComponent(pkg.packageId)}`);
    const delivery = page.getByRole('table', { name: 'Chuyển tới nơi nhận' }).getByRole('row').filter({ hasText: '000.00.01.H79' });
    await expect(delivery).toContainText('Đã bỏ chuyển');
    await expect(delivery).toContainText('Người vận hành trục đã bỏ chuyển: Tỉnh nhận đã ngừng dùng mã này; văn bản gửi lại bằng đường bưu chính');
    await expect(page.getByRole('table', { name: 'Nhật ký chặng' })).toContainText('Bỏ chuyển (người vận hành)');
  } finally {
    await peer.close();
  }
});
