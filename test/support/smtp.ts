// A real SMTP server in the test process (smtp-server), every message parsed with mailparser, that can be told to
// refuse mail for a while (a temporary 451 or a permanent 550) — the outbox worker's tests send through it.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'motcua';
export const SMTP_PASS = 'mat-khau-smtp';

export interface TestSmtp {
  url: string;
  port: number;
  mails: ParsedMail[];
  /** While set, every MAIL FROM is refused with this SMTP code. */
  refuse: 451 | 550 | null;
  /** Waits until `n` messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    mails: [],
    refuse: null,
    async waitFor(n, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (state.mails.length < n) {
        if (Date.now() > end) throw new Error(`expected ${n} mails, got ${state.mails.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: async () => undefined,
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) cb(null, { user: auth.username });
      else cb(new Error('Sai tài khoản SMTP'));
    },
    onMailFrom(_address, _session, cb) {
      if (!state.refuse) return cb();
      const err = Object.assign(new Error(state.refuse === 451 ? 'Máy chủ tạm thời quá tải' : 'Hộp thư không tồn tại'), { responseCode: state.refuse });
      cb(err);
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          state.mails.push(m);
          cb();
        })
        .catch((e: Error) => cb(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
