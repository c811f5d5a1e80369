import { expect, it } from 'vitest';
import { describeEachEngine } from './harness.ts';

describeEachEngine('authentication', { seed: true }, (env) => {
  it('a demo clerk logs in, sees their agency, and a wrong password is refused in Vietnamese', async () => {
    const e = env();
    const s = await e.login('vanthu.snv');
    const me = await e.request(s, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().agency.name).toBe('Sở Nội vụ tỉnh Bạc Liêu');
    expect(me.json().abilities['incoming.register']).toBe('all');
    expect(me.json().abilities['document.sign']).toBeUndefined();
    const bad = await e.request(null, { method: 'POST', url: '/api/auth/login', payload: { username: 'vanthu.snv', password: 'sai-mat-khau' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().message).toContain('không đúng');
  });

  it('locks the account after repeated failures, and the lock holds even with the right password', async () => {
    const e = env();
    for (let i = 0; i < e.config.loginMaxFailures; i++) {
      await e.request(null, { method: 'POST', url: '/api/auth/login', payload: { username: 'giamdoc.stc', password: 'wrong-' + i } });
    }
    const locked = await e.request(null, { method: 'POST', url: '/api/auth/login', payload: { username: 'giamdoc.stc', password: 'lienthong@2024' } });
    expect(locked.statusCode).toBe(423);
    e.clock.advance((e.config.loginLockoutMinutes + 1) * 60_000);
    const again = await e.request(null, { method: 'POST', url: '/api/auth/login', payload: { username: 'giamdoc.stc', password: 'lienthong@2024' } });
    expect(again.statusCode).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const e = env();
    const s = await e.login('vanthu.stc');
    const res = await e.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH_CSRF_INVALID');
    const ok = await e.request(s, { method: 'POST', url: '/api/auth/logout' });
    expect(ok.statusCode).toBe(200);
    const after = await e.request(s, { method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, a weak one is refused with the reason', async () => {
    const e = env();
    const s = await e.login('chuyenvien.snv');
    const weak = await e.request(s, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'lienthong@2024', newPassword: 'abc' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toContain('ít nhất 10 ký tự');
    const ok = await e.request(s, { method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'lienthong@2024', newPassword: 'Mat-khau-moi-2026' } });
    expect(ok.statusCode).toBe(200);
    await expect(e.login('chuyenvien.snv')).rejects.toThrow(/401/);
    await e.login('chuyenvien.snv', 'Mat-khau-moi-2026');
  });
});
