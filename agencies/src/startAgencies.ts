import type { AddressInfo } from 'node:net';
import express, { Router, type RequestHandler } from 'express';
import { pino } from 'pino';
import { BalcaoError, type Logger } from '@balcao/platform';
import { agencyNames, type AgencyName } from './AgencyName';
import {
  demoApiKeys,
  startAgenciesOptionsSchema,
  type StartAgenciesOptions,
} from './agencyOptions';
import { accessLogHandler, civilRegistryRouter } from './civil-registry/civilRegistryRouter';
import { seedCivilRegistry } from './civil-registry/seedCivilRegistry';
import { documentExchangeRouter } from './document-exchange/documentExchangeRouter';
import { faultAdminRouter } from './faults/faultAdminRouter';
import { createFaultController, type FaultController } from './faults/FaultController';
import { injectFaults } from './faults/injectFaults';
import { AgencyErrorCode, agencyError } from './http/agencyErrors';
import { errorHandler } from './http/errorHandler';
import { requireApiKey } from './http/requireApiKey';
import { IdempotencyStore } from './idempotency/IdempotencyStore';
import { notificationRouter } from './notification/notificationRouter';
import { paymentRouter, payPageRouter } from './payment/paymentRouter';
import { WebhookSender } from './payment/WebhookSender';
import { StateStore } from './state/StateStore';
import { seedTaxpayers } from './tax/seedTaxpayers';
import { taxRouter } from './tax/taxRouter';

export interface RunningAgencies {
  /** Base URL, e.g. http://127.0.0.1:8090 */
  url: string;
  /** Base URL per agency, e.g. http://127.0.0.1:8090/tax */
  urls: Record<AgencyName, string>;
  apiKeys: Record<AgencyName, string>;
  adminKey: string;
  webhookSecret: string;
  faults: FaultController;
  close(): Promise<void>;
}

/** Starts every stand-in agency on one HTTP server, one path prefix per agency. */
export async function startAgencies(options: StartAgenciesOptions = {}): Promise<RunningAgencies> {
  const parsed = startAgenciesOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw BalcaoError.nonRetryable(
      'AGENCIES_OPTIONS_INVALID',
      `Invalid stand-in agencies options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
    );
  }
  const config = parsed.data;
  const logger: Logger = options.logger ?? pino({ level: 'silent' });
  const now = options.now ?? (() => new Date());
  const apiKeys = { ...demoApiKeys, ...config.apiKeys };
  const store = new StateStore(config.dataDir);
  const save = () => store.save();
  const state = store.state;
  const registry = seedCivilRegistry(config.dataSeed);
  const taxpayers = seedTaxpayers(config.dataSeed, registry);
  const faults = createFaultController({ seed: config.faultSeed, initial: config.faults });
  const idempotency = new IdempotencyStore(state.idempotency, save, now);
  const webhooks = new WebhookSender(
    { secret: config.webhookSecret, ...config.webhook },
    save,
    now,
    logger,
  );
  let baseUrl = '';
  const deps = { state, save, now, idempotency };
  const paymentDeps = {
    ...deps,
    webhooks,
    payPageBase: () => `${config.publicUrl ?? baseUrl}/payment`,
  };

  const domainRouters: Record<AgencyName, Router> = {
    'civil-registry': civilRegistryRouter({ data: registry, state, save, now }),
    tax: taxRouter({ taxpayers, now, idempotency }),
    'document-exchange': documentExchangeRouter(deps),
    payment: paymentRouter(paymentDeps),
    notification: notificationRouter(deps),
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', agencies: agencyNames });
  });
  app.use('/admin', express.json({ limit: '16kb' }), faultAdminRouter(faults, config.adminKey));
  app.use('/payment', payPageRouter(paymentDeps));
  for (const agency of agencyNames) {
    const router = Router();
    router.use(
      requireApiKey({ header: 'X-Api-Key', key: apiKeys[agency], who: `the ${agency} stand-in` }),
    );
    router.use(express.json({ limit: '1mb' }));
    // Test instrumentation stays outside fault injection, so tests can always read it.
    router.get('/effects', (req, res) => {
      const key = typeof req.query.idempotencyKey === 'string' ? req.query.idempotencyKey : '';
      if (key === '') {
        throw agencyError(
          AgencyErrorCode.ValidationFailed,
          'Invalid request query: idempotencyKey is required.',
          {
            fields: [{ path: 'idempotencyKey', message: 'idempotencyKey is required' }],
          },
        );
      }
      res.json({ idempotencyKey: key, effects: idempotency.effects(agency, key) });
    });
    if (agency === 'civil-registry') router.get('/access-log', accessLogHandler(state));
    router.use(injectFaults(faults, agency));
    router.use(domainRouters[agency]);
    app.use(`/${agency}`, router);
  }
  app.use((req) => {
    throw agencyError(
      AgencyErrorCode.NotFound,
      `No stand-in endpoint ${req.method} ${req.path}: see agencies/README.md.`,
    );
  });
  app.use(errorHandler(logger));

  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // Webhooks still owed from before a restart go out again.
  for (const payment of Object.values(state.payments)) {
    if (payment.webhook.state === 'pending') webhooks.deliver(payment);
  }
  logger.info(
    { url: baseUrl, dataDir: config.dataDir ?? null, persons: registry.persons.size },
    'stand-in agencies listening',
  );

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    urls: Object.fromEntries(agencyNames.map((a) => [a, `${baseUrl}/${a}`])) as Record<
      AgencyName,
      string
    >,
    apiKeys,
    adminKey: config.adminKey,
    webhookSecret: config.webhookSecret,
    faults,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        webhooks.stop();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Hung (fault-injected) and keep-alive connections would keep close() waiting.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { method: req.method, path: req.path, status: res.statusCode, ms },
        'agency request',
      );
    });
    next();
  };
}
