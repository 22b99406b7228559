import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Camunda8 } from '@camunda8/sdk';

const main = fileURLToPath(new URL('../server/src/main.ts', import.meta.url));

export interface BalcaoNode {
  url: string;
  /** host:port of its Zeebe gateway. */
  gateway: string;
  child: ChildProcess;
  /** A Zeebe client of the test against this node's gateway. */
  camunda: Camunda8;
  output(): string;
  /** SIGKILL: no shutdown code runs, as when the machine loses power. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A Balcão node as `npm start` runs it, on free ports; with `agenciesUrl` its connectors work
 * against those stand-in agencies, without it both are off. Without `databaseUrl` it uses
 * embedded PGlite in a fresh data directory. Resolves when the node logs that it is ready.
 */
export async function startBalcaoNode(options: {
  databaseUrl?: string;
  agenciesUrl?: string;
  nodeId: string;
  env?: Record<string, string>;
  /** Extra Node.js flags, e.g. `--cpu-prof` for a profile written when the node stops. */
  nodeArgs?: string[];
}): Promise<BalcaoNode> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'balcao-chaos-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    GATEWAY_ADDRESS: '127.0.0.1:0',
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl,
    NODE_ID: options.nodeId,
    ...(options.agenciesUrl
      ? { AGENCIES: 'external', AGENCIES_URL: options.agenciesUrl, CONNECTORS: 'on' }
      : { AGENCIES: 'off', CONNECTORS: 'off' }),
    DEPLOY_LIBRARY: 'false',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    ...options.env,
  };
  if (!options.databaseUrl) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', main], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  const ready = await new Promise<{ url: string; gateway: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:[^"]+)","gateway":"([^"]+)".*Balcão is ready/.exec(output);
      if (match) resolve({ url: match[1]!, gateway: match[2]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`node ${options.nodeId} exited:\n${output}`)));
  });
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${ready.gateway}`,
    ZEEBE_REST_ADDRESS: ready.url,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
  } as ConstructorParameters<typeof Camunda8>[0]);
  const closeClient = () =>
    camunda
      .getZeebeGrpcApiClient()
      .close(1000)
      .catch(() => undefined);
  return {
    ...ready,
    child,
    camunda,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
      await closeClient();
      cleanUp();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // The node bounds each part's shutdown itself; past that, it hangs, and the test says where.
      const inTime = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 100_000).unref()),
      ]);
      if (!inTime) child.kill('SIGKILL');
      await exited;
      await closeClient();
      cleanUp();
      if (!inTime)
        throw new Error(
          `node ${options.nodeId} did not exit within 100 s of SIGTERM; its last output:\n${output.slice(-4000)}`,
        );
      // A part that hung on the way down is named in the node's log; keep it visible in the run.
      if (child.exitCode !== 0)
        process.stderr.write(
          `node ${options.nodeId} stopped with exit code ${child.exitCode}:\n${output
            .split('\n')
            .filter((line) => /did not stop|error while stopping/.test(line))
            .join('\n')}\n`,
        );
    },
  };
}
