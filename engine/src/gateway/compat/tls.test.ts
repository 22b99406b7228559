import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { credentials, makeClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadGatewayService } from '../grpc/loadGatewayService';
import { startGrpcGateway, type GrpcGateway } from '../grpc/startGrpcGateway';
import { startTestGateway, type TestGateway } from './startTestGateway';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// Certificates are made with the openssl CLI at test time (nothing secret is committed).
describe.runIf(hasOpenssl)('gateway over TLS', { timeout: 60_000 }, () => {
  const cleanups: (() => Promise<unknown>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }, 60_000);

  it('should serve Topology to a client that trusts the configured certificate', async () => {
    // given
    const dir = await mkdtemp(path.join(os.tmpdir(), 'balcao-tls-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const certPath = path.join(dir, 'cert.pem');
    const keyPath = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const base: TestGateway = await startTestGateway();
    cleanups.push(() => base.close());
    const tls: GrpcGateway = await startGrpcGateway({
      engine: base.engine,
      db: base.db,
      log: pino({ level: 'silent' }),
      address: '127.0.0.1:0',
      tls: { certPath, keyPath },
    });
    cleanups.push(() => tls.stop());
    const Gateway = makeClientConstructor(loadGatewayService(), 'Gateway');
    const client = new Gateway(
      `127.0.0.1:${tls.port}`,
      credentials.createSsl(await readFile(certPath)),
    ) as unknown as Record<string, (...args: unknown[]) => void> & { close(): void };
    cleanups.push(() => Promise.resolve(client.close()));

    // when
    const answer = await new Promise<{ error: ServiceError | null; brokers?: unknown[] }>(
      (resolve) =>
        client.Topology!({}, (error: ServiceError | null, response?: { brokers: unknown[] }) =>
          resolve({ error, brokers: response?.brokers }),
        ),
    );

    // then
    expect(answer.error).toBeNull();
    expect(answer.brokers).toHaveLength(1);
  });
});
