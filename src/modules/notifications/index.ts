import type { AppConfig } from '../../config';
import type { Db } from '../../platform/db';
import { mailDomain, smtpMailer, type Mailer } from './mailer';
import { OutboxWorker, type OutboxWorkerOptions } from './worker';

export { OutboxWorker } from './worker';
export { composeMail, MAIL_TOPICS } from './messages';
export { smtpMailer } from './mailer';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/**
 * Starts delivering the outbox: e-mail to applicants over MOTCUA_SMTP_URL, or — without it — rows marked skipped,
 * said once in the log. Returns what stops it (waiting for a message being sent).
 */
export function startNotifications(
  db: Db,
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl'>,
  log: Logger,
  opts: Partial<Omit<OutboxWorkerOptions, 'db' | 'mailer' | 'log'>> = {},
): { worker: OutboxWorker; stop(): Promise<void> } {
  let mailer: Mailer | null = null;
  if (config.smtpUrl && config.mailFrom) {
    mailer = smtpMailer(config.smtpUrl, config.mailFrom);
    log.info(`E-mail thông báo cho người nộp: bật (máy chủ SMTP ${new URL(config.smtpUrl).host}, người gửi ${config.mailFrom}).`);
  } else {
    log.info('E-mail thông báo cho người nộp: tắt (chưa cấu hình MOTCUA_SMTP_URL); các sự kiện được đánh dấu bỏ qua.');
  }
  const worker = new OutboxWorker({ db, mailer, log, messageDomain: config.mailFrom ? mailDomain(config.mailFrom) : undefined, publicUrl: config.publicUrl, ...opts });
  worker.start();
  return {
    worker,
    async stop() {
      await worker.stop();
      mailer?.close();
    },
  };
}
