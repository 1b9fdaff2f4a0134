// Control and urging, started with the app: the scheduler (automatic urges, daily digests) and, when SMTP is
// configured, the e-mail copy of staff notifications.
import type { AppConfig } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import type { CalendarService } from '../calendar/service';
import { mailDomain, smtpMailer } from '../notifications/providers/mailer';
import { StaffMailWorker } from './mail';
import { ControlScheduler } from './scheduler';

export { ControlScheduler } from './scheduler';
export { StaffMailWorker } from './mail';

export function startControl(o: { db: Db; clock: Clock; calendars: CalendarService; config: AppConfig; log: { info(m: string): void; error(m: string): void } }): { stop(): Promise<void> } {
  const scheduler = new ControlScheduler({ db: o.db, clock: o.clock, calendars: o.calendars, config: o.config, log: o.log });
  scheduler.start();
  const { smtpUrl, mailFrom, publicUrl } = o.config;
  const mailer = smtpUrl && mailFrom ? smtpMailer(smtpUrl, mailFrom) : null;
  const mail = mailer ? new StaffMailWorker({ db: o.db, clock: o.clock, mailer, messageDomain: mailDomain(mailFrom!), publicUrl, log: o.log }) : null;
  mail?.start();
  return {
    async stop() {
      await mail?.stop();
      mailer?.close();
      await scheduler.stop();
    },
  };
}
