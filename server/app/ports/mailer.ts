/** Sends e-mail (reminders). Absent when no SMTP server is configured: nothing is mailed then. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
