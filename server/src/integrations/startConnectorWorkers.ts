import type { Camunda8 } from '@camunda8/sdk';
import {
  agencyEndpointsSchema,
  civilRegistryConnector,
  createPaymentWebhookHandler,
  exchangeDocumentConnector,
  httpConnector,
  issueDocumentConnector,
  letterActionConnector,
  macaoHolidays,
  notifyConnector,
  paymentConnector,
  secretsFromEnv,
  startConnectors,
  taxConnector,
  workingDaysConnector,
  type DocumentSink,
  type HolidayCalendar,
  type InAppNoticeSink,
  type JobObserver,
} from '@balcao/connectors';
import type { Logger } from '@balcao/platform';

export interface ConnectorWorkers {
  documents: DocumentSink;
  handlePaymentWebhook: ReturnType<typeof createPaymentWebhookHandler>;
  close(): Promise<void>;
}

/**
 * The connectors as Zeebe job workers, talking to the engine through its gateway like any
 * other client (so they work the same against a Camunda 8 cluster).
 */
export function startConnectorWorkers(options: {
  camunda: Camunda8;
  agenciesUrl: string;
  agencyKeys: Record<string, string>;
  webhookSecret: string;
  publicUrl: string;
  documents: DocumentSink;
  inAppNotices: InAppNoticeSink;
  onJobDone?: JobObserver;
  /** Working-day deadlines (request for information); default: the shipped Macao calendar. */
  holidays?: HolidayCalendar;
  log: Logger;
}): ConnectorWorkers {
  const zeebe = options.camunda.getZeebeGrpcApiClient();
  const { documents } = options;
  const agency = (name: string) => ({
    url: `${options.agenciesUrl}/${name}`,
    apiKey: options.agencyKeys[name] ?? '',
  });
  const running = startConnectors({
    zeebe,
    log: options.log,
    secrets: secretsFromEnv(process.env),
    ...(options.onJobDone ? { onJobDone: options.onJobDone } : {}),
    agencies: agencyEndpointsSchema.parse({
      civilRegistry: agency('civil-registry'),
      tax: agency('tax'),
      documentExchange: agency('document-exchange'),
      payment: agency('payment'),
      notification: agency('notification'),
    }),
    connectors: [
      civilRegistryConnector,
      taxConnector,
      notifyConnector({ inApp: options.inAppNotices }),
      paymentConnector({ callbackUrl: `${options.publicUrl}/webhooks/payment` }),
      httpConnector,
      exchangeDocumentConnector,
      letterActionConnector,
      issueDocumentConnector({
        sink: documents,
        verificationBaseUrl: `${options.publicUrl}/verify`,
      }),
      workingDaysConnector({ holidays: options.holidays ?? macaoHolidays() }),
    ],
  });
  return {
    documents,
    handlePaymentWebhook: createPaymentWebhookHandler({
      zeebe,
      webhookSecret: options.webhookSecret,
      log: options.log,
    }),
    async close() {
      await running.close();
    },
  };
}
