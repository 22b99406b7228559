import path from 'node:path';
import type { Camunda8 } from '@camunda8/sdk';
import type { DocumentSink, InAppNoticeSink, JobObserver } from '@balcao/connectors';
import type { Logger } from '@balcao/platform';
import type { ServerConfig } from '../config/serverConfig';
import { startAgencyStandIns, type AgencyStandIns } from './startAgencyStandIns';
import { startConnectorWorkers, type ConnectorWorkers } from './startConnectorWorkers';

/** The stand-ins' demo keys (agencies/README.md); real agencies get theirs from AGENCY_API_KEYS. */
const demoKeys: Record<string, string> = {
  'civil-registry': 'demo-civil-registry-key',
  tax: 'demo-tax-key',
  'document-exchange': 'demo-document-exchange-key',
  payment: 'demo-payment-key',
  notification: 'demo-notification-key',
};

export interface Integrations {
  agenciesUrl: string | undefined;
  connectors: ConnectorWorkers | undefined;
  close(): Promise<void>;
}

/** The agencies (stand-ins or real) and the connectors that call them. */
export async function startIntegrations(
  config: ServerConfig,
  deps: {
    camunda: Camunda8;
    publicUrl: string;
    log: Logger;
    documents: DocumentSink;
    inAppNotices: InAppNoticeSink;
    onJobDone?: JobObserver;
  },
): Promise<Integrations> {
  let standIns: AgencyStandIns | undefined;
  if (config.AGENCIES === 'embedded') {
    standIns = await startAgencyStandIns({
      port: config.AGENCIES_PORT,
      dataDir: path.join(config.DATA_DIR, 'agencies'),
      log: deps.log,
    });
  }
  const agenciesUrl = standIns?.url ?? config.AGENCIES_URL;
  const connectors =
    config.CONNECTORS === 'on' && agenciesUrl
      ? startConnectorWorkers({
          camunda: deps.camunda,
          agenciesUrl,
          agencyKeys: { ...demoKeys, ...config.AGENCY_API_KEYS },
          webhookSecret: config.PAYMENT_WEBHOOK_SECRET,
          publicUrl: deps.publicUrl,
          documents: deps.documents,
          inAppNotices: deps.inAppNotices,
          ...(deps.onJobDone ? { onJobDone: deps.onJobDone } : {}),
          log: deps.log.child({ part: 'connectors' }),
        })
      : undefined;
  return {
    agenciesUrl,
    connectors,
    async close() {
      await connectors?.close();
      await standIns?.stop();
    },
  };
}
