import { expect, it } from 'vitest';
import { describeEachEngine } from './harness.ts';

describeEachEngine('login rate limit', { seed: true }, (env) => {
  it('a caller cannot escape the login rate limit by forging X-Forwarded-For', async () => {
    const e = env();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await e.request(null, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `khong-co-${i}`, password: 'sai' },
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
  });
});
