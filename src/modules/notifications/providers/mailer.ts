import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A stable Message-ID per outbox row, so a receiving system can tell a repeat from a new message. */
  messageId?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Sends one e-mail; rejects with the SMTP error (its `responseCode` when the server answered). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A mailer over SMTP from a URL such as `smtp://user:pass@host:587` or `smtps://…:465`. */
export function smtpMailer(url: string, from: string): Mailer & { from: string } {
  const transport = nodemailer.createTransport({
    url,
    // Short timeouts: a hanging server must fail the attempt (and be retried later), well within the claim lease.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    from,
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** `"TTHCC" <no-reply@example.vn>` → `example.vn` (for Message-IDs); `motcua.local` when there is none. */
export function mailDomain(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return m ? m[1] : 'motcua.local';
}
