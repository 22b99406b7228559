import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { probeHealthcheck } from './probeHealthcheck';

const here = import.meta.dirname;
const composeText = readFileSync(path.join(here, 'compose.yaml'), 'utf8');

// Only the parts of the compose format these tests read.
const serviceSchema = z.object({
  image: z.string(),
  profiles: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  healthcheck: z.object({ test: z.array(z.string()).min(2) }).optional(),
});
const composeSchema = z.object({ services: z.record(z.string(), serviceSchema) });
type Service = z.infer<typeof serviceSchema>;

// Compose merges `<<: *anchor` keys; so does yaml with `merge: true`.
const { services } = composeSchema.parse(parse(composeText, { merge: true }));
const nodeNames = Object.keys(services).filter((n) => n.startsWith('balcao-node-'));
const nodes = nodeNames.map((n) => service(n));

describe('docker/compose.yaml', () => {
  it('should define PostgreSQL 15, Redis 7, two Balcão nodes and a proxy', () => {
    // then
    expect(service('postgres').image).toMatch(/^postgres:15(\b|-)/);
    expect(service('postgres').volumes?.some((v) => v.endsWith(':/var/lib/postgresql/data'))).toBe(
      true,
    );
    expect(service('postgres').healthcheck?.test).toContain('pg_isready');
    expect(service('redis').image).toMatch(/^redis:7(\b|-)/);
    expect(nodeNames).toEqual(['balcao-node-1', 'balcao-node-2']);
    expect(service('proxy').image).toMatch(/^nginx:/);
  });

  it('should give every node the same database and Redis, in container settings', () => {
    // given
    const env = nodes.map((n) => n.environment ?? {});

    // then
    for (const e of env) {
      expect(e.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(e.DATABASE_URL).toBe(env[0]?.DATABASE_URL);
      expect(e.REDIS_URL).toBe('redis://redis:6379');
      expect(e.HOST).toBe('0.0.0.0');
      expect(e.NODE_ENV).toBe('production');
      expect(e.ZEEBE_ADDRESS).toBe('${ZEEBE_ADDRESS:-}');
    }
  });

  it('should start nodes after PostgreSQL and Redis are healthy and check each node', () => {
    // then
    for (const node of [...nodes, service('proxy')]) {
      expect(node.healthcheck?.test[0]).toMatch(/^CMD/);
    }
    for (const node of nodes) {
      expect(node.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    expect(Object.keys(service('proxy').depends_on ?? {})).toEqual(nodeNames);
  });

  it('should refuse to start without the secrets', () => {
    // then: ${VAR:?message} makes compose stop with the message when VAR is unset or empty.
    for (const node of nodes) {
      const env = node.environment ?? {};
      for (const name of ['BALCAO_SESSION_SECRET', 'BALCAO_API_TOKEN_SECRET']) {
        expect(env[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?.+\\}$`));
      }
      expect(env.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    }
  });

  it('should pull no Camunda image by default and keep the camunda profile documented', () => {
    // given
    const active = Object.values(services).filter((s) => !s.profiles);

    // then
    expect(active.every((s) => !s.image.startsWith('camunda/'))).toBe(true);
    expect(composeText).toMatch(/^\s*#\s*profiles: \[camunda\]$/m);
  });

  it('should report a node healthy only while GET /ready answers 200', async () => {
    // given
    const argv = (nodes[0]?.healthcheck?.test ?? []).slice(1);

    // when
    const ready = await probeHealthcheck(argv, { '/ready': 200, '/health': 200 });
    const migrating = await probeHealthcheck(argv, { '/ready': 503, '/health': 200 });

    // then
    expect([ready, migrating]).toEqual([0, 1]);
  });
});

describe('docker/nginx.conf', () => {
  const mount = service('proxy').volumes?.find((v) => v.includes(':/etc/nginx/nginx.conf'));
  const file = path.join(here, mount?.split(':')[0] ?? 'missing');

  it('should exist where the proxy mounts it from', () => {
    // then
    expect(mount).toBeDefined();
    expect(existsSync(file)).toBe(true);
  });

  it('should balance HTTP stickily and gRPC to every node', () => {
    // given
    const conf = readFileSync(file, 'utf8');
    const http = block(conf, 'upstream balcao_http');
    const grpc = block(conf, 'upstream balcao_grpc');

    // then
    expect(http).toMatch(/^\s*ip_hash;/m);
    for (const name of nodeNames) {
      expect(http).toMatch(new RegExp(`server ${name}:8080\\b`));
      expect(grpc).toMatch(new RegExp(`server ${name}:26500\\b`));
    }
    expect(conf).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(conf).toMatch(/grpc_pass grpc:\/\/balcao_grpc;/);
  });
});

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
}

/** The text between `<head> {` and its closing brace (upstream blocks do not nest). */
function block(conf: string, head: string): string {
  const start = conf.indexOf(`${head} {`);
  if (start < 0) throw new Error(`nginx.conf has no "${head} {" block`);
  return conf.slice(start, conf.indexOf('}', start));
}
