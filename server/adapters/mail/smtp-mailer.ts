/** The Mailer port over SMTP (nodemailer); built only when SMTP_HOST is set. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from '../../app/ports/mailer.ts';
import type { SmtpConfig } from '../../config/smtp.ts';

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: config.password } } : {}),
      // A local catcher or relay without TLS is allowed; STARTTLS is used when offered.
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.config.from, to: message.to, subject: message.subject, text: message.text });
  }
}

export function createMailer(config: SmtpConfig | undefined): Mailer | undefined {
  return config ? new SmtpMailer(config) : undefined;
}
