import "server-only";
import nodemailer from "nodemailer";

export type OutgoingMessage = { to: string; subject: string; text: string; html: string };

/** What sends an email; nodemailer over SMTP in Tablero, the same in tests (a real server). */
export type MailTransport = {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
};

/**
 * SMTP through nodemailer, from `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`).
 * Timeouts are short: a job that cannot reach the server fails and is retried later.
 */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, { from });
  // nodemailer's URL form takes no timeouts; these apply to every message.
  Object.assign(transporter.options, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send({ to, subject, text, html }) {
      await transporter.sendMail({ to, subject, text, html });
    },
    close: () => transporter.close(),
  };
}
