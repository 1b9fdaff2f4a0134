import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface PgProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL in a child process (test/support/pg-server.ts) and resolves with its server URL.
 * The server outlives nothing: it stops when the calling process ends, however it ends (its stdin closes).
 */
export async function startPgProcess(dir: string, port: number, timeoutMs = 120_000): Promise<PgProcess> {
  const script = path.resolve(import.meta.dirname, 'pg-server.ts');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, dir, String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL for the tests did not start within ${timeoutMs} ms`)), timeoutMs);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        resolve(line.slice(6).trim());
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL for the tests ended before it was ready (code ${code}, signal ${signal})`));
    });
  });
  return {
    url,
    async stop() {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
