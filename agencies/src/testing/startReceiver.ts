import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Received {
  body: string;
  headers: IncomingMessage['headers'];
}

/** A callback receiver that fails the first `failures` deliveries with 500. */
export async function startReceiver(failures: number) {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.statusCode = received.length <= failures ? 500 : 204;
      res.end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  const until = async (count: number) => {
    while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { url, received, until, close: () => new Promise((resolve) => server.close(resolve)) };
}
