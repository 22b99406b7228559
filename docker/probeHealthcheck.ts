import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Runs a container healthcheck command (argv, without the leading `CMD`) on this machine
 * against a real HTTP server on 127.0.0.1 that answers each path with the given status
 * (404 for others), with PORT set to that server's port. `statuses: null` means nothing
 * listens on the port. Resolves to the command's exit code, which is what Docker looks at.
 */
export async function probeHealthcheck(
  argv: readonly string[],
  statuses: Readonly<Record<string, number>> | null,
): Promise<number> {
  const server = createServer((req, res) => {
    res.statusCode = (statuses ?? {})[req.url ?? ''] ?? 404;
    res.end();
  });
  const port = await listen(server);
  if (statuses === null) await close(server);
  try {
    return await exitCodeOf(argv, { ...process.env, PORT: String(port) });
  } finally {
    if (statuses !== null) await close(server);
  }
}

function exitCodeOf(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file, ...args] = argv;
  if (!file) return Promise.reject(new Error('empty healthcheck command'));
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { env, timeout: 20_000 }, (error) => {
      if (!error) return resolve(0);
      if (typeof error.code === 'number') return resolve(error.code);
      reject(new Error(`healthcheck command did not run: ${error.message}`, { cause: error }));
    });
    child.stdin?.end();
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
