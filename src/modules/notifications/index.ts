import type { Db } from '../../platform/db';
import { createChannels, type ChannelConfig, type Channels } from './channels';
import { currentStoredMailer } from './smtp-settings';
import { OutboxWorker, type OutboxWorkerOptions } from './worker';

export { OutboxWorker } from './worker';
export { composeMail } from './messages';
export { smtpMailer } from './providers/mailer';
export { channelsFor, createChannels, smsConfigured, type Channels } from './channels';
export { sendNow, type ImmediateMessage, type ImmediateResult } from './send-now';
export { smsOffer } from './settings';
export { refreshStoredMailer } from './smtp-settings';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

/**
 * Starts delivering the outbox: e-mail over MOTCUA_SMTP_URL, SMS through eSMS or the webhook, Zalo ZNS; each
 * channel that is not configured is said once in the log and sends nothing. Returns what stops it (waiting for a
 * message being sent).
 */
export function startNotifications(
  db: Db,
  config: ChannelConfig,
  log: Logger,
  opts: Partial<Omit<OutboxWorkerOptions, 'db' | 'channels' | 'log'>> & { channels?: Channels } = {},
): { worker: OutboxWorker; channels: Channels; stop(): Promise<void> } {
  const channels = opts.channels ?? createChannels(config, { db });
  const stored = !config.smtpUrl ? currentStoredMailer(db) : null;
  log.info(config.smtpUrl && config.mailFrom
    ? `E-mail thông báo cho người nộp: bật (máy chủ SMTP ${new URL(config.smtpUrl).host}, người gửi ${config.mailFrom}).`
    : stored
      ? `E-mail thông báo cho người nộp: bật (máy chủ SMTP đã lưu trên màn hình quản trị, người gửi ${stored.from}).`
      : 'E-mail thông báo cho người nộp: tắt cho đến khi quản trị viên cấu hình máy chủ e-mail (hoặc đặt MOTCUA_SMTP_URL).');
  log.info(config.sms
    ? `SMS thông báo: bật (${config.sms.provider === 'esms' ? `eSMS${config.sms.sandbox ? ', chế độ thử' : ''}` : `webhook ${new URL(config.sms.url).host}`}, brandname ${config.smsBrandname ?? '(theo Trung tâm)'}, tối đa ${channels.smsMaxParts} phần tin).`
    : 'SMS thông báo: tắt (chưa cấu hình MOTCUA_SMS_URL hay MOTCUA_ESMS_API_KEY); máy lấy số và quầy thu phí không mời nhận SMS.');
  if (config.zalo) log.info(`Zalo ZNS: bật${config.zalo.development ? ' (chế độ development)' : ''}.`);
  const worker = new OutboxWorker({ db, channels, log, ...opts });
  worker.start();
  return {
    worker,
    channels,
    async stop() {
      await worker.stop();
      channels.close();
    },
  };
}
