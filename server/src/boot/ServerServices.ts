import type { Camunda8 } from '@camunda8/sdk';
import type { Database, Logger } from '@balcao/platform';
import type { DocumentStore } from '@balcao/forms';
import type { ServerConfig } from '../config/serverConfig';
import type { LiveHub } from '../live/attachLiveHub';

/**
 * What route groups may use. The engine is reached only through the Camunda SDK (gRPC and its
 * REST client for /v2), so the same routes work against a Camunda 8 cluster.
 */
export interface ServerServices {
  db: Database;
  log: Logger;
  config: ServerConfig;
  /** This node's own Zeebe client (internal credential). */
  camunda: Camunda8;
  live: LiveHub;
  uploads: DocumentStore;
}
