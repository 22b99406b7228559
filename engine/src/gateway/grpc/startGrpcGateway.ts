import { readFile } from 'node:fs/promises';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { BalcaoError, type Database, type Logger } from '@balcao/platform';
import type { Engine } from '../../runtime/Engine';
import type { Authenticator } from '../auth/Authenticator';
import { instanceChangeRpcs } from './instanceChangeRpcs';
import { decisionRpcs } from './decisionRpcs';
import { deployRpcs } from './deployRpcs';
import { instanceRpcs } from './instanceRpcs';
import { jobRpcs } from './jobRpcs';
import { loadGatewayService } from './loadGatewayService';
import { topologyRpc } from './topologyRpc';
import { unimplementedRpcs } from './unimplementedRpcs';

export interface GrpcGatewayOptions {
  engine: Engine;
  db: Database;
  log: Logger;
  /** host:port; port 0 picks a free port (read it back from `port`). */
  address: string;
  /** Checks bearer tokens; undefined accepts every request (loopback binds only — see authenticatorFor). */
  authenticator?: Authenticator;
  /** PEM file paths; both or neither. */
  tls?: { certPath: string; keyPath: string };
  /** This node's id in `balcao_node`, so Topology shows this gateway's own address for it. */
  nodeId?: string;
}

export interface GrpcGateway {
  readonly host: string;
  readonly port: number;
  /** Ends open calls (long polls, job streams) and stops listening. */
  stop(): Promise<void>;
}

/** Serves the Zeebe gateway protocol (`gateway_protocol.Gateway`) over the engine. */
export async function startGrpcGateway(options: GrpcGatewayOptions): Promise<GrpcGateway> {
  const { host, port: wanted } = splitAddress(options.address);
  const ctx = { log: options.log, authenticator: options.authenticator };
  const server = new Server();
  let port = wanted;
  server.addService(loadGatewayService(), {
    ...jobRpcs(options.engine, ctx),
    ...instanceRpcs(options.engine, ctx),
    ...instanceChangeRpcs(options.engine, ctx),
    ...deployRpcs(options.engine, ctx),
    ...decisionRpcs(options.engine, ctx),
    ...topologyRpc(options.db, () => ({ host, port, nodeId: options.nodeId }), ctx),
    ...unimplementedRpcs(ctx),
  });
  const credentials = options.tls
    ? ServerCredentials.createSsl(null, [
        {
          cert_chain: await readFile(options.tls.certPath),
          private_key: await readFile(options.tls.keyPath),
        },
      ])
    : ServerCredentials.createInsecure();
  port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(
      `${host.includes(':') ? `[${host}]` : host}:${wanted}`,
      credentials,
      (error, bound) =>
        error
          ? reject(
              new BalcaoError(
                'GATEWAY_BIND_FAILED',
                `Could not listen for Zeebe clients on ${options.address}: ${error.message}. Free the port or set GATEWAY_ADDRESS.`,
                { cause: error },
              ),
            )
          : resolve(bound),
    );
  });
  options.log.info(
    { address: `${host}:${port}`, tls: Boolean(options.tls), auth: Boolean(options.authenticator) },
    'Zeebe gateway listening',
  );
  return {
    host,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        // Open long polls would hold a graceful shutdown for their whole timeout.
        server.forceShutdown();
        resolve();
      }),
  };
}

function splitAddress(address: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(address.trim());
  const port = Number(match?.[3]);
  if (!match || port > 65535)
    throw new BalcaoError(
      'GATEWAY_ADDRESS_INVALID',
      `Expected GATEWAY_ADDRESS as host:port (for example 127.0.0.1:26500), but was '${address}'.`,
    );
  return { host: match[1] ?? match[2] ?? '', port };
}
