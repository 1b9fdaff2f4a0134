import path from 'node:path';
import { z } from 'zod';

const HTTP_URL = /^https?:\/\/[^\s/]+(\/[^\s]*)?$/;

// Every environment variable the product reads, in one place (README's configuration table mirrors this).
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  MOTCUA_OWNER_DATABASE_URL: z.string().url().optional(),
  MOTCUA_DATA_DIR: z.string().default('./data'),
  MOTCUA_DEMO: z.enum(['0', '1']).optional(),
  MOTCUA_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  MOTCUA_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  MOTCUA_SECURE_COOKIES: z.enum(['auto', '0', '1']).default('auto'),
  MOTCUA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  MOTCUA_ADMIN_PASSWORD: z.string().min(12, 'MOTCUA_ADMIN_PASSWORD: at least 12 characters').optional(),
  MOTCUA_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  MOTCUA_UPLOAD_MAX_MEGAPIXELS: z.coerce.number().int().min(1).max(500).default(40),
  MOTCUA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MOTCUA_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/\s]+/, 'MOTCUA_SMTP_URL: smtp://user:pass@host:587 or smtps://user:pass@host:465').optional(),
  MOTCUA_MAIL_FROM: z.string().trim().min(3).regex(/@/, 'MOTCUA_MAIL_FROM: an e-mail address, e.g. "TTHCC" <no-reply@example.vn>').optional(),
  MOTCUA_METRICS_TOKEN: z.string().min(16, 'MOTCUA_METRICS_TOKEN: at least 16 characters').optional(),
  MOTCUA_PDF_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  MOTCUA_DEFAULT_CENTER: z.string().trim().regex(/^[0-9A-Za-z.]{3,40}$/, 'MOTCUA_DEFAULT_CENTER: the code of a center, e.g. 000.00.15.H57').optional(),
  MOTCUA_PUBLIC_URL: z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'MOTCUA_PUBLIC_URL: the address citizens reach, e.g. https://motcua.huongthuy.gov.vn').optional(),
  MOTCUA_SECRET_KEY: z.string().optional(),
  // VNPay: all three or none; without them no online payment is offered (modules/payments/vnpay).
  MOTCUA_VNPAY_TMN_CODE: z.string().trim().regex(/^[A-Za-z0-9]{8}$/, 'MOTCUA_VNPAY_TMN_CODE: the 8-character terminal code VNPay issued').optional(),
  MOTCUA_VNPAY_HASH_SECRET: z.string().min(16, 'MOTCUA_VNPAY_HASH_SECRET: the secret VNPay issued (at least 16 characters)').optional(),
  MOTCUA_VNPAY_URL: z.string().regex(/^https?:\/\/[^\s]+$/, 'MOTCUA_VNPAY_URL: the payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html').optional(),
  // VNeID / the national portal's SSO (OpenID Connect): issuer, client id and secret together, with MOTCUA_PUBLIC_URL.
  MOTCUA_OIDC_ISSUER: z.string().regex(/^(https:\/\/[^\s/]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(\/[^\s]*)?$/, 'MOTCUA_OIDC_ISSUER: the https address of the OpenID Connect provider, e.g. https://xacthuc.dichvucong.gov.vn/oauth2/token').optional(),
  MOTCUA_OIDC_CLIENT_ID: z.string().trim().min(1).max(200).optional(),
  MOTCUA_OIDC_CLIENT_SECRET: z.string().min(8, 'MOTCUA_OIDC_CLIENT_SECRET: the secret the provider issued (at least 8 characters)').optional(),
  MOTCUA_OIDC_NAME: z.string().trim().min(2).max(40).default('VNeID'),
  MOTCUA_RATE_LIMIT_FACTOR: z.coerce.number().min(0).max(1000).default(1),
  MOTCUA_BOARD_FRAME_ANCESTORS: z.string().regex(/^(https?:\/\/[^\s/]+)( https?:\/\/[^\s/]+)*$/, 'MOTCUA_BOARD_FRAME_ANCESTORS: origins separated by spaces, e.g. https://cong.huongthuy.gov.vn').optional(),
  // SMS: one provider, the eSMS brandname gateway or a JSON webhook; Zalo ZNS beside it (modules/notifications).
  MOTCUA_SMS_URL: z.string().regex(HTTP_URL, 'MOTCUA_SMS_URL: an http(s) address that accepts POST {to, text, ref}').optional(),
  MOTCUA_SMS_TOKEN: z.string().min(8, 'MOTCUA_SMS_TOKEN: at least 8 characters').optional(),
  MOTCUA_ESMS_API_KEY: z.string().min(4).optional(),
  MOTCUA_ESMS_SECRET_KEY: z.string().min(4).optional(),
  MOTCUA_ESMS_URL: z.string().regex(HTTP_URL, 'MOTCUA_ESMS_URL: an http(s) address').default('https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/'),
  MOTCUA_ESMS_SANDBOX: z.enum(['0', '1']).default('0'),
  MOTCUA_SMS_BRANDNAME: z.string().trim().regex(/^[A-Za-z0-9 ._-]{2,11}$/, 'MOTCUA_SMS_BRANDNAME: 2–11 letters, digits, space . _ - (the brandname registered with the carriers)').optional(),
  MOTCUA_SMS_MAX_PARTS: z.coerce.number().int().min(1).max(10).default(3),
  MOTCUA_SMS_INBOUND_TOKEN: z.string().min(16, 'MOTCUA_SMS_INBOUND_TOKEN: at least 16 characters').optional(),
  MOTCUA_ZALO_ACCESS_TOKEN: z.string().min(8).optional(),
  MOTCUA_ZALO_URL: z.string().regex(HTTP_URL, 'MOTCUA_ZALO_URL: an http(s) address').default('https://business.openapi.zalo.me/message/template'),
  MOTCUA_ZALO_MODE: z.enum(['production', 'development']).default('production'),
  MOTCUA_ZALO_APP_ID: z.string().min(1).optional(),
  MOTCUA_ZALO_OA_SECRET: z.string().min(8).optional(),
  MOTCUA_RETENTION_YEARS: z.coerce.number().int().min(0).max(100).default(10),
  MOTCUA_CLOCK_START: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/, 'MOTCUA_CLOCK_START: an instant with its offset, e.g. 2026-03-10T09:00:00+07:00')
    .refine((s) => !Number.isNaN(Date.parse(s)), 'MOTCUA_CLOCK_START: not a real instant').optional(),
}).refine((e) => !e.MOTCUA_OWNER_DATABASE_URL || e.DATABASE_URL, { message: 'MOTCUA_OWNER_DATABASE_URL goes with DATABASE_URL', path: ['MOTCUA_OWNER_DATABASE_URL'] })
  .refine((e) => !e.MOTCUA_SMTP_URL || e.MOTCUA_MAIL_FROM, { message: 'MOTCUA_MAIL_FROM is required with MOTCUA_SMTP_URL', path: ['MOTCUA_MAIL_FROM'] })
  // A shifted clock changes every date the app records: demo data only, never a real center's.
  .refine((e) => !e.MOTCUA_CLOCK_START || (e.MOTCUA_DEMO ? e.MOTCUA_DEMO === '1' : !e.DATABASE_URL), { message: 'MOTCUA_CLOCK_START needs demo mode (MOTCUA_DEMO=1)', path: ['MOTCUA_CLOCK_START'] })
  .refine((e) => !(e.MOTCUA_SMS_URL && e.MOTCUA_ESMS_API_KEY), { message: 'MOTCUA_SMS_URL and MOTCUA_ESMS_API_KEY: choose one SMS provider', path: ['MOTCUA_SMS_URL'] })
  .refine((e) => !e.MOTCUA_ESMS_API_KEY || (e.MOTCUA_ESMS_SECRET_KEY && e.MOTCUA_SMS_BRANDNAME), { message: 'MOTCUA_ESMS_SECRET_KEY and MOTCUA_SMS_BRANDNAME are required with MOTCUA_ESMS_API_KEY', path: ['MOTCUA_ESMS_SECRET_KEY'] })
  .refine((e) => !e.MOTCUA_VNPAY_TMN_CODE === !e.MOTCUA_VNPAY_HASH_SECRET && !e.MOTCUA_VNPAY_TMN_CODE === !e.MOTCUA_VNPAY_URL && (!e.MOTCUA_VNPAY_TMN_CODE || e.MOTCUA_PUBLIC_URL), { message: 'MOTCUA_VNPAY_TMN_CODE, MOTCUA_VNPAY_HASH_SECRET and MOTCUA_VNPAY_URL go together, with MOTCUA_PUBLIC_URL (the return address)', path: ['MOTCUA_VNPAY_TMN_CODE'] })
  .refine((e) => !e.MOTCUA_OIDC_ISSUER === !e.MOTCUA_OIDC_CLIENT_ID && !e.MOTCUA_OIDC_ISSUER === !e.MOTCUA_OIDC_CLIENT_SECRET && (!e.MOTCUA_OIDC_ISSUER || e.MOTCUA_PUBLIC_URL), { message: 'MOTCUA_OIDC_ISSUER, MOTCUA_OIDC_CLIENT_ID and MOTCUA_OIDC_CLIENT_SECRET go together, with MOTCUA_PUBLIC_URL (the return address)', path: ['MOTCUA_OIDC_ISSUER'] })
  .refine((e) => !e.MOTCUA_ZALO_APP_ID === !e.MOTCUA_ZALO_OA_SECRET, { message: 'MOTCUA_ZALO_APP_ID and MOTCUA_ZALO_OA_SECRET go together (they check Zalo\'s delivery reports)', path: ['MOTCUA_ZALO_OA_SECRET'] });

export type SmsProviderConfig =
  | { provider: 'esms'; url: string; apiKey: string; secretKey: string; sandbox: boolean }
  | { provider: 'webhook'; url: string; token?: string };
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's label: "Đăng nhập bằng {name}". */
  name: string;
}
export interface ZaloConfig {
  url: string;
  accessToken: string;
  development: boolean;
  /** App id and OA secret key: check the signature of Zalo's delivery reports (user_received_message). */
  appId?: string;
  oaSecret?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  /** The schema owner's connection (migrations, grants, purge) when DATABASE_URL is the app's restricted role. */
  ownerDatabaseUrl?: string;
  dataDir: string;
  demo: boolean;
  embeddedPgPort: number;
  trustProxy: boolean;
  secureCookies: 'auto' | boolean;
  sessionIdleMinutes: number;
  logLevel: string;
  uploadMaxBytes: number;
  /** Largest image accepted, in millions of pixels (read from the header, never decoded). */
  uploadMaxMegapixels: number;
  adminPassword?: string;
  /** SMTP server for the applicants' e-mail notifications; none: e-mail off. */
  smtpUrl?: string;
  mailFrom?: string;
  /** The address citizens reach the app at (links in e-mails, queue tickets); without it, links follow the request. */
  /** The center the public pages show first (its code); unset: the first center set up. */
  defaultCenter?: string;
  publicUrl?: string;
  /** VNPay merchant settings; none: online payment not offered. */
  vnpay?: { tmnCode: string; hashSecret: string; url: string };
  /** Citizen sign-in with VNeID / the national portal's SSO (OpenID Connect); none: only the one-time code. */
  oidc?: OidcConfig;
  /** Encrypts secrets kept in the database (TOTP); default: the key file in the data directory (platform/secret-key.ts). */
  secretKey?: string;
  /** Multiplies every rate limit (src/http/rate-limits.ts); 0 turns them off. */
  rateLimitFactor: number;
  /** Origins allowed to show the display board in a frame; every other page may not be framed. */
  boardFrameAncestors: string[];
  /** Years a dossier's personal data is kept after the dossier ended; 0: kept for ever (`npm run purge`). */
  retentionYears: number;
  /** Bearer token for GET /metrics from other hosts than this one (loopback needs none unless behind a proxy). */
  metricsToken?: string;
  /** PDF worker threads; default one core in two (1 on a 2-core machine), at most 4. */
  pdfWorkers?: number;
  /** Demo mode only: the app's clock starts at this instant and runs on (see platform/clock.ts startingClock). */
  clockStart?: Date;
  /** SMS provider: the eSMS brandname gateway or a generic JSON webhook; none: SMS is off and never offered. */
  sms?: SmsProviderConfig;
  /** Brandname used when a center has not set its own (required with eSMS). */
  smsBrandname?: string;
  /** Longest SMS in parts (160 GSM-7 characters, 153 per part when concatenated); longer texts are trimmed. */
  smsMaxParts: number;
  /** Bearer token the SMS gateway sends with inbound messages (look-ups) and delivery reports; none: those routes are closed. */
  smsInboundToken?: string;
  /** Zalo ZNS (template messages to the Zalo account of a phone number); none: off. */
  zalo?: ZaloConfig;
  /** Test harness only (no variable): also check the presenters' answers against their schemas (src/http/serializer.ts). */
  strictResponses?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = EnvSchema.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    ownerDatabaseUrl: e.MOTCUA_OWNER_DATABASE_URL,
    dataDir: path.resolve(e.MOTCUA_DATA_DIR),
    // Demo data is on by default only with the embedded database: a real server starts empty.
    demo: e.MOTCUA_DEMO ? e.MOTCUA_DEMO === '1' : !e.DATABASE_URL,
    embeddedPgPort: e.MOTCUA_PG_PORT,
    trustProxy: e.MOTCUA_TRUST_PROXY === '1',
    secureCookies: e.MOTCUA_SECURE_COOKIES === 'auto' ? 'auto' : e.MOTCUA_SECURE_COOKIES === '1',
    sessionIdleMinutes: e.MOTCUA_SESSION_IDLE_MINUTES,
    logLevel: e.MOTCUA_LOG_LEVEL,
    uploadMaxBytes: e.MOTCUA_UPLOAD_MAX_MB * 1024 * 1024,
    uploadMaxMegapixels: e.MOTCUA_UPLOAD_MAX_MEGAPIXELS,
    adminPassword: e.MOTCUA_ADMIN_PASSWORD,
    smtpUrl: e.MOTCUA_SMTP_URL,
    mailFrom: e.MOTCUA_MAIL_FROM,
    metricsToken: e.MOTCUA_METRICS_TOKEN,
    pdfWorkers: e.MOTCUA_PDF_WORKERS,
    defaultCenter: e.MOTCUA_DEFAULT_CENTER,
    publicUrl: e.MOTCUA_PUBLIC_URL?.replace(/\/+$/, ''),
    ...(e.MOTCUA_VNPAY_TMN_CODE && e.MOTCUA_VNPAY_HASH_SECRET && e.MOTCUA_VNPAY_URL
      ? { vnpay: { tmnCode: e.MOTCUA_VNPAY_TMN_CODE, hashSecret: e.MOTCUA_VNPAY_HASH_SECRET, url: e.MOTCUA_VNPAY_URL } } : {}),
    ...(e.MOTCUA_OIDC_ISSUER && e.MOTCUA_OIDC_CLIENT_ID && e.MOTCUA_OIDC_CLIENT_SECRET
      ? { oidc: { issuer: e.MOTCUA_OIDC_ISSUER, clientId: e.MOTCUA_OIDC_CLIENT_ID, clientSecret: e.MOTCUA_OIDC_CLIENT_SECRET, name: e.MOTCUA_OIDC_NAME } } : {}),
    retentionYears: e.MOTCUA_RETENTION_YEARS,
    secretKey: e.MOTCUA_SECRET_KEY,
    rateLimitFactor: e.MOTCUA_RATE_LIMIT_FACTOR,
    boardFrameAncestors: e.MOTCUA_BOARD_FRAME_ANCESTORS?.split(' ') ?? [],
    ...(e.MOTCUA_CLOCK_START ? { clockStart: new Date(e.MOTCUA_CLOCK_START) } : {}),
    sms: e.MOTCUA_ESMS_API_KEY
      ? { provider: 'esms', url: e.MOTCUA_ESMS_URL, apiKey: e.MOTCUA_ESMS_API_KEY, secretKey: e.MOTCUA_ESMS_SECRET_KEY!, sandbox: e.MOTCUA_ESMS_SANDBOX === '1' }
      : e.MOTCUA_SMS_URL ? { provider: 'webhook', url: e.MOTCUA_SMS_URL, token: e.MOTCUA_SMS_TOKEN } : undefined,
    smsBrandname: e.MOTCUA_SMS_BRANDNAME,
    smsMaxParts: e.MOTCUA_SMS_MAX_PARTS,
    smsInboundToken: e.MOTCUA_SMS_INBOUND_TOKEN,
    zalo: e.MOTCUA_ZALO_ACCESS_TOKEN
      ? { url: e.MOTCUA_ZALO_URL, accessToken: e.MOTCUA_ZALO_ACCESS_TOKEN, development: e.MOTCUA_ZALO_MODE === 'development', appId: e.MOTCUA_ZALO_APP_ID, oaSecret: e.MOTCUA_ZALO_OA_SECRET }
      : undefined,
  };
}
