export function freePort(): Promise<number>;
export function startServer(opts: { root: string; env?: Record<string, string> }): Promise<{
  base: string;
  dataDir: string;
  pgPort: number;
  /** The app process (node running src/main.ts). */
  pid: number;
  databaseUrl(): string;
  stop(): Promise<void>;
  /** What the server printed so far. */
  output(): string;
}>;
