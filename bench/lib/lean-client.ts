import http from 'node:http';

/**
 * A lean HTTP/1.1 keep-alive client for the load generators. The client runs on the same two cores as the server
 * and PostgreSQL: `fetch` (undici) spends several times more CPU per request than node:http, and that CPU (and its
 * garbage collection pauses) lands in the very latencies being measured.
 */
export function leanClient(base: string, maxSockets = 100) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(base);
  return {
    request(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const req = http.request({ agent, hostname, port, method, path, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
