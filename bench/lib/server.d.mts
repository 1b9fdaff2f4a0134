export function freePort(): Promise<number>;
export function startServer(opts: { root: string; env?: Record<string, string>; compiled?: boolean }): Promise<{
  base: string;
  dataDir: string;
  pgPort: number;
  /** The app process (node running src/main.ts, or dist/main.js when compiled). */
  pid: number;
  databaseUrl(): string;
  stop(): Promise<void>;
  /** What the server printed so far. */
  output(): string;
}>;
