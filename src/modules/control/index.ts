// Control and urging, started with the app: the scheduler (automatic urges, daily digests) and the e-mail copy of
// staff notifications, sent whenever e-mail is configured (MOTCUA_SMTP_URL or the console's stored server).
import type { AppConfig } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import type { CalendarService } from '../calendar/service';
import { activeMailer } from '../notifications/smtp-settings';
import { StaffMailWorker } from './mail';
import { ControlScheduler } from './scheduler';

export { ControlScheduler } from './scheduler';
export { StaffMailWorker } from './mail';

export function startControl(o: { db: Db; clock: Clock; calendars: CalendarService; config: AppConfig; log: { info(m: string): void; error(m: string): void } }): { stop(): Promise<void> } {
  const scheduler = new ControlScheduler({ db: o.db, clock: o.clock, calendars: o.calendars, config: o.config, log: o.log });
  scheduler.start();
  const mail = new StaffMailWorker({ db: o.db, clock: o.clock, mailer: () => activeMailer(o.db, o.config), publicUrl: o.config.publicUrl, log: o.log });
  mail.start();
  return {
    async stop() {
      await mail.stop();
      await scheduler.stop();
    },
  };
}
