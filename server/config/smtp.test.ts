import { describe, expect, it } from 'vitest';
import { readSmtp } from './smtp.ts';

const fail = (v: string, m: string) => new Error(`${v}: ${m}`);

describe('SMTP settings', () => {
  it('are optional: no SMTP_HOST, no mail', () => {
    expect(readSmtp({}, fail)).toBeUndefined();
  });
  it('read host, port, sender and credentials', () => {
    expect(readSmtp({ SMTP_HOST: 'mail.baclieu.gov.vn', SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_FROM: 'lienthong@baclieu.gov.vn', SMTP_USER: 'u', SMTP_PASSWORD: 'p' }, fail))
      .toEqual({ host: 'mail.baclieu.gov.vn', port: 465, secure: true, user: 'u', password: 'p', from: 'lienthong@baclieu.gov.vn' });
  });
  it('name the variable that is wrong', () => {
    expect(() => readSmtp({ SMTP_HOST: 'x', SMTP_FROM: 'a@b', SMTP_PORT: 'abc' }, fail)).toThrow(/^SMTP_PORT/);
    expect(() => readSmtp({ SMTP_HOST: 'x' }, fail)).toThrow(/^SMTP_FROM/);
    expect(() => readSmtp({ SMTP_HOST: 'x', SMTP_FROM: 'a@b', SMTP_USER: 'u' }, fail)).toThrow(/^SMTP_PASSWORD/);
  });
});
