/** Where the embedded PostgreSQL's supervisor reports its steps (a pino logger fits, and so does `consoleLog`). */
export interface PgLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  debug?(msg: string): void;
}

export const silentLog: PgLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Timestamped lines on the console, `[tag]`-tagged, from `level` up (same names as MOTCUA_LOG_LEVEL). */
export function consoleLog(level = 'info', tag = 'postgres'): PgLog {
  const min = Math.max(0, LEVELS.indexOf(level));
  const at = (l: string) => LEVELS.indexOf(l) >= min;
  const line = (msg: string) => `${new Date().toISOString()} [${tag}] ${msg}`;
  return {
    debug: (m) => void (at('debug') && console.log(line(m))),
    info: (m) => void (at('info') && console.log(line(m))),
    warn: (m) => void (at('warn') && console.warn(line(m))),
    error: (m) => void (at('error') && console.error(line(m))),
  };
}
