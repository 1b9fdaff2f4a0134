export function freePort(): Promise<number>;
export function startServer(opts: { root: string; env?: Record<string, string> }): Promise<{ base: string; stop(): Promise<void> }>;
