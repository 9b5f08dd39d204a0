// A thin interface over nodemailer, so activities depend on "something that sends" and tests
// give it a real SMTP server.
import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  from: string;
  to: string;
  /** Someone who receives a copy (the person a deputy stands in for). */
  cc?: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

export function createSmtpMailer(smtpUrl: string): Mailer {
  // A small pool: one connection per message costs more than the message under load.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close() {
      transport.close();
    },
  };
}
