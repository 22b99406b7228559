import type { Camunda8 } from '@camunda8/sdk';
import type { DocumentSink } from '@balcao/connectors';
import type { Database, Logger } from '@balcao/platform';
import type { DocumentStore } from '@balcao/forms';
import type { ApplicationStarter } from '../applications/ApplicationStarter';
import type { ServerConfig } from '../config/serverConfig';
import type { EngineRest } from '../integrations/internalClient';
import type { LiveHub } from '../live/attachLiveHub';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import type { TaskSync } from '../tracking/TaskSync';
import type { Tracker } from '../tracking/Tracker';

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
  /** Camunda 8 REST calls the SDK lacks, with the same credential. */
  engineRest: EngineRest;
  live: LiveHub;
  uploads: DocumentStore;
  /** Issued certificates, linked to their applications. */
  certificates: DocumentSink;
  tracker: Tracker;
  sync: TaskSync;
  starter: ApplicationStarter;
  holidays: HolidayCalendar;
  /** The clock of the SLA views; tests move it forward. */
  now?: () => Date;
}
