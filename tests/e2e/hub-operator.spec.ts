import { expect, test } from '@playwright/test';
import { makeTestPki } from '../../server/adapters/hub/testing/certs.ts';
import { documentPackage } from '../exchange/exchange-client.ts';
import { fakePeer } from './fake-peer.ts';
import { DEMO_PASSWORD, logIn } from './helpers.ts';

test('the system operator sees a refused package at the peer, resends it once the peer is fixed, and traces it to delivered', async ({ page, request }) => {
  const peerPort = Number(process.env.E2E_PORT ?? 3210) + 100;
  const peer = await fakePeer(peerPort);
  try {
    const pki = makeTestPki();
    // Set-up over the operator API: a peer hub for H77 (the fake) and an endpoint system sending for UBND tỉnh.
    const login = await request.post('/api/auth/login', { data: { username: 'vanhanh', password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const csrf = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const peerName = `Trục thử nghiệm H77 ${Date.now()}`;
    const hub = await request.post('/api/hub/peers', { headers: csrf, data: { name: peerName, codePrefixes: ['H77'], endpointUrl: `http://127.0.0.1:${peerPort}/`, outboundToken: 'tok-thu-nghiem' } });
    expect(hub.status(), await hub.text()).toBe(201);
    // Deliberately weaker than §2.7: this throwaway test CA is not a trust anchor of the running system.
    const endpoint = await request.post('/api/hub/peers', { headers: csrf, data: { name: 'Hệ thống QLVB thử nghiệm', codePrefixes: ['000.00.00.H04'], certificatePem: pki.organ.certificatePem, certificateCheck: 'registered' } });
    expect(endpoint.status(), await endpoint.text()).toBe(201);
    const token = ((await endpoint.json()) as { inboundToken: string }).inboundToken;
    const pkg = documentPackage('000.00.00.H04', ['000.00.01.H77'], pki.organ);
    const pushed = await request.post('/api/hub/packages', { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml', 'x-package-id': pkg.packageId }, data: pkg.bytes });
    expect(pushed.status(), await pushed.text()).toBe(200);

    await logIn(page, 'vanhanh');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trục liên thông' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trục liên thông' })).toBeVisible();
    const peers = page.getByRole('table', { name: 'Tình trạng các trục kết nối' });
    await expect(async () => {
      await page.getByRole('button', { name: 'Làm mới' }).click();
      await expect(peers.getByRole('row').filter({ hasText: peerName })).toContainText('Đang lỗi', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole('table', { name: 'Hàng đợi chuyển gói tin' })).toContainText('Dừng chuyển');

    await page.getByRole('link', { name: 'Gói tin dừng chuyển' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gói tin dừng chuyển' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: pkg.packageId });
    await expect(row).toContainText('EXCHANGE_INVALID_FIELD (trục tiếp theo): Trục');
    await expect(row).toContainText('Thiếu trường Subject');
    await expect(row).toContainText('000.00.00.H04 → 000.00.01.H77');

    peer.accept = true;
    await row.getByRole('button', { name: `Gửi lại gói tin ${pkg.packageId} tới 000.00.01.H77` }).click();
    await expect(page.getByRole('status').filter({ hasText: `Đã đưa gói tin ${pkg.packageId} tới 000.00.01.H77 vào hàng đợi gửi lại.` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: pkg.packageId })).toHaveCount(0);

    await page.getByRole('link', { name: 'Về trục liên thông' }).click();
    await page.getByRole('link', { name: 'Tra cứu gói tin' }).click();
    await page.getByLabel('Mã gói tin').fill(pkg.packageId);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    const deliveries = page.getByRole('table', { name: 'Chuyển tới nơi nhận' });
    await expect(async () => {
      await page.reload();
      await expect(deliveries).toContainText('Đã chuyển', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    const events = page.getByRole('table', { name: 'Nhật ký chặng' });
    for (const kind of ['Nhận giữ gói tin', 'Chuyển không thành công', 'Dừng chuyển', 'Gửi lại', 'Nhận biên nhận']) await expect(events).toContainText(kind);
  } finally {
    await peer.close();
  }
});
