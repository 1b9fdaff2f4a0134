// The providers of each channel, built from the configuration once per process (or per test app).
import type { AppConfig } from '../../config';
import { esmsCallbackUrl, esmsProvider } from './providers/esms';
import { mailDomain, smtpMailer, type Mailer } from './providers/mailer';
import { currentStoredMailer } from './smtp-settings';
import type { SendOutcome, SmsProvider, ZaloProvider } from './providers/types';
import { webhookProvider } from './providers/webhook';
import { zaloProvider } from './providers/zalo';

export type ChannelConfig = Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl' | 'sms' | 'smsBrandname' | 'zalo'> & { smsMaxParts?: number };

export interface Channels {
  email: Mailer | null;
  sms: SmsProvider | null;
  zalo: ZaloProvider | null;
  /** Domain of the e-mails' Message-IDs. */
  messageDomain: string;
  publicUrl?: string;
  smsBrandname: string | null;
  smsMaxParts: number;
  /** Where the SMS gateway reports delivery of the message with this reference, if it can. */
  smsCallbackUrl(ref: string): string | null;
  close(): void;
}

/**
 * `db`: when MOTCUA_SMTP_URL is not set, e-mail goes through the server the administrator stored on the console
 * (smtp-settings.ts), looked up at each use so that a change applies at once.
 */
export function createChannels(config: ChannelConfig, opts: { mailer?: Mailer | null; db?: object } = {}): Channels {
  const envMail = opts.mailer !== undefined ? opts.mailer : config.smtpUrl && config.mailFrom ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  const stored = () => (opts.mailer === undefined && !envMail && opts.db ? currentStoredMailer(opts.db) : null);
  const s = config.sms;
  const sms = !s ? null : s.provider === 'esms' ? esmsProvider(s) : webhookProvider(s);
  return {
    get email() {
      return envMail ?? stored();
    },
    sms,
    zalo: config.zalo ? zaloProvider(config.zalo) : null,
    get messageDomain() {
      const from = config.mailFrom ?? stored()?.from;
      return from ? mailDomain(from) : 'motcua.local';
    },
    publicUrl: config.publicUrl,
    smsBrandname: config.smsBrandname ?? null,
    smsMaxParts: config.smsMaxParts ?? 3,
    // eSMS calls back by GET to the address given with each message; the webhook bridge reports to a fixed route.
    smsCallbackUrl: (ref) => (s?.provider === 'esms' && config.publicUrl ? esmsCallbackUrl(config.publicUrl, s.secretKey, ref) : null),
    close: () => envMail?.close(),
  };
}

const cache = new WeakMap<object, Channels>();
/**
 * The channels of an app (one set per `app.deps`, made on first use): what a route needs to send a message at once
 * with `sendNow(app.deps.db, channelsFor(app.deps), …)`. The outbox worker (src/main.ts) has its own.
 */
export function channelsFor(deps: { config: ChannelConfig; db?: object }): Channels {
  let c = cache.get(deps);
  if (!c) cache.set(deps, (c = createChannels(deps.config, { db: deps.db })));
  return c;
}

/** Is SMS configured at all? Without it the kiosk asks for no phone and the cashier sells no SMS service. */
export const smsConfigured = (config: Pick<AppConfig, 'sms'>) => !!config.sms;

/** An e-mail's outcome: the SMTP server's 5xx is a refusal for good, anything else is worth another try. */
export async function sendEmail(mailer: Mailer, mail: Parameters<Mailer['send']>[0]): Promise<SendOutcome> {
  try {
    await mailer.send(mail);
    return { ok: true, providerRef: mail.messageId ?? null };
  } catch (e) {
    const err = e as Error & { responseCode?: number; code?: string };
    const error = `${err.responseCode ? `${err.responseCode} ` : err.code ? `${err.code} ` : ''}${err.message}`.slice(0, 1000);
    const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
    return { ok: false, retry: !permanent, error };
  }
}
