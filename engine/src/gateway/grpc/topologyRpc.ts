import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Queryable } from '@balcao/platform';
import { unary, type RpcContext } from './rpcHandlers';

export const GATEWAY_VERSION = '8.8.0';

export interface Broker {
  nodeId: number;
  host: string;
  port: number;
}

/**
 * The brokers of this Balcão cluster: every node registered in `balcao_node` (the server's
 * table, absent when the engine runs alone) or else this node. All nodes share one database,
 * so each is shown as leader of the one partition.
 */
export async function listBrokers(
  db: Queryable,
  self: { host: string; port: number; nodeId?: string },
): Promise<Broker[]> {
  const table = await db.query<{ present: boolean }>(
    "select to_regclass('balcao_node') is not null as present",
  );
  if (!table.rows[0]?.present) return [{ nodeId: 0, host: self.host, port: self.port }];
  const nodes = await db.query<{ id: string; http_address: string | null }>(
    'select id, http_address from balcao_node order by id',
  );
  const brokers = nodes.rows.map((node, index) => ({
    nodeId: index,
    // Other nodes' gRPC ports are not recorded; they are configured alike.
    host: node.id === self.nodeId ? self.host : (hostOf(node.http_address) ?? node.id),
    port: self.port,
  }));
  return brokers.length > 0 ? brokers : [{ nodeId: 0, host: self.host, port: self.port }];
}

export function topologyRpc(
  db: Queryable,
  self: () => { host: string; port: number; nodeId?: string },
  ctx: RpcContext,
): UntypedServiceImplementation {
  return {
    Topology: unary(ctx, async () => {
      const brokers = await listBrokers(db, self());
      return {
        brokers: brokers.map((b) => ({
          ...b,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
          version: GATEWAY_VERSION,
        })),
        clusterSize: brokers.length,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: GATEWAY_VERSION,
      };
    }),
  };
}

function hostOf(address: string | null): string | undefined {
  if (!address) return undefined;
  try {
    return new URL(address).hostname;
  } catch {
    return undefined;
  }
}
