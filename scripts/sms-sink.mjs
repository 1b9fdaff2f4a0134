// A stand-in SMS gateway for `npm run test:e2e`: it speaks motcua's generic JSON webhook (POST /sms with
// {to, text, ref}), keeps what the "phones" received (GET /messages), and, like a gateway with delivery reports,
// tells the app each message arrived (POST /api/v1/sms/status with the inbound token).
import http from 'node:http';

export async function startSmsSink({ reportTo, token } = {}) {
  const received = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/messages') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(received));
      }
      if (req.method !== 'POST' || req.url !== '/sms') {
        res.writeHead(404);
        return res.end();
      }
      const m = JSON.parse(body);
      received.push({ ...m, at: new Date().toISOString() });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sink-${++n}` }));
      if (reportTo && token) {
        // A moment later, as a carrier's report would come.
        setTimeout(() => {
          fetch(`${reportTo()}/api/v1/sms/status`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ ref: m.ref, status: 'delivered' }),
          }).catch(() => {});
        }, 300);
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, received, close: () => new Promise((r) => server.close(() => r())) };
}
