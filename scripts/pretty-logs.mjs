// The server always logs JSON lines (pino) — what a log collector wants. A person running `npm start` in a
// terminal gets them readable instead: time, level and message on one line, the other fields under it. Lines that
// are not JSON (the start-up messages) pass through unchanged.
import pretty from 'pino-pretty';

/** A writable stream that prints pino JSON lines readably to `destination` (a file descriptor or stream). */
export function prettyLogs({ destination = 1, colorize = true } = {}) {
  return pretty({ destination, colorize, translateTime: 'SYS:dd/mm/yyyy HH:MM:ss', ignore: 'pid,hostname', singleLine: false });
}
