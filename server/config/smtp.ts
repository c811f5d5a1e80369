
/** Outgoing mail (reminders); optional: without SMTP_HOST nothing is mailed and the app says so. */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

/** Same shape as env.ts's SettingDoc (not imported: env.ts imports this file). */
interface SettingDoc {
  name: string;
  type: string;
  default: string;
  description: string;
}

export const SMTP_SETTINGS: SettingDoc[] = [
  { name: 'SMTP_HOST', type: 'host name or address', default: '(none: no e-mail is sent)', description: 'SMTP server for deadline reminders. Unset means reminders appear in the app only.' },
  { name: 'SMTP_PORT', type: 'integer 1–65535', default: '587', description: 'Port of the SMTP server.' },
  { name: 'SMTP_SECURE', type: 'true | false', default: 'false', description: 'Implicit TLS from the first byte (port 465); false uses STARTTLS when the server offers it.' },
  { name: 'SMTP_USER', type: 'string', default: '(none)', description: 'SMTP login; set together with SMTP_PASSWORD.' },
  { name: 'SMTP_PASSWORD', type: 'string', default: '(none)', description: 'SMTP password; set together with SMTP_USER.' },
  { name: 'SMTP_FROM', type: 'e-mail address', default: '(required with SMTP_HOST)', description: 'Sender address of reminder e-mails, e.g. "lienthong@baclieu.gov.vn".' },
];

type Env = Record<string, string | undefined>;
type Fail = (variable: string, message: string) => Error;

export function readSmtp(env: Env, fail: Fail): SmtpConfig | undefined {
  const host = env.SMTP_HOST?.trim();
  if (!host) return undefined;
  const rawPort = env.SMTP_PORT?.trim() || '587';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) throw fail('SMTP_PORT', `must be an integer 1–65535, got "${rawPort}"`);
  const rawSecure = env.SMTP_SECURE?.trim() || 'false';
  if (rawSecure !== 'true' && rawSecure !== 'false') throw fail('SMTP_SECURE', `must be true or false, got "${rawSecure}"`);
  const user = env.SMTP_USER || undefined;
  const password = env.SMTP_PASSWORD || undefined;
  if ((user === undefined) !== (password === undefined)) throw fail(user ? 'SMTP_PASSWORD' : 'SMTP_USER', 'SMTP_USER and SMTP_PASSWORD go together');
  const from = env.SMTP_FROM?.trim();
  if (!from || !/^[^@\s]+@[^@\s]+$/.test(from)) throw fail('SMTP_FROM', `must be an e-mail address when SMTP_HOST is set, got "${from ?? ''}"`);
  return { host, port, secure: rawSecure === 'true', user, password, from };
}
