import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import {
  migrate,
  openDatabase,
  type Database,
  type Logger,
  type MigrationSet,
} from '@balcao/platform';
import {
  authRequired,
  engineMigrations,
  engineService,
  gatewayAuthenticators,
  staticTokenAuthenticator,
  type Authenticator,
} from '@balcao/engine';
import { FileDocumentSink } from '@balcao/connectors';
import { FileSystemDocumentStore, formResourceValidator } from '@balcao/forms';
import { ApplicationStarter } from '../applications/ApplicationStarter';
import { createApiRouter } from '../api/createApiRouter';
import type { ServerConfig } from '../config/serverConfig';
import { verificationRoutes } from '../documents/verificationRoutes';
import { createApp } from '../http/createApp';
import { listRoutes, type MountedRoute } from '../http/listRoutes';
import { webApps } from '../http/webApps';
import { createGatewayAuthenticator } from '../identity/gatewayAuthenticator';
import { AccessTokens } from '../identity/oauth/accessTokens';
import { oauthTokenRoute } from '../identity/oauth/oauthTokenRoute';
import { demoAccountLines, seedDemoAccounts } from '../identity/demoAccounts';
import { deployProcessLibrary } from '../integrations/deployProcessLibrary';
import { engineRest, InternalCredential } from '../integrations/internalClient';
import { startIntegrations, type Integrations } from '../integrations/startIntegrations';
import { attachLiveHub, type LiveHub } from '../live/attachLiveHub';
import { paymentWebhookRoute } from '../payments/paymentWebhookRoute';
import { macaoHolidays } from '../sla/HolidayCalendar';
import { DatabaseNoticeSink } from '../tracking/DatabaseNoticeSink';
import { startJobUserTasks } from '../tracking/JobUserTasks';
import { LinkedDocumentSink } from '../tracking/LinkedDocumentSink';
import { mayWatchApplication } from '../tracking/mayWatchApplication';
import { TaskSync } from '../tracking/TaskSync';
import { trackConnectorJob } from '../tracking/trackConnectorJob';
import { Tracker } from '../tracking/Tracker';
import { apiRoutes } from './apiRoutes';
import { registerNode } from './registerNode';
import type { ServerServices } from './ServerServices';
import { stopInOrder } from './stopInOrder';

export interface Balcao {
  readonly httpUrl: string;
  /** host:port where Zeebe clients reach the engine's gRPC gateway. */
  readonly gatewayAddress: string;
  readonly db: Database;
  /** Lines describing the demo accounts (empty when none were seeded). */
  readonly demoAccounts: string[];
  readonly agenciesUrl: string | undefined;
  /** Retries the application starts still pending now (the node does so every few seconds). */
  retryPendingStarts(): Promise<number>;
  /** Every route the HTTP server mounted, for checks such as the OpenAPI document's. */
  routes(): MountedRoute[];
  close(): Promise<void>;
}

/** Every part's migrations, in dependency order. */
const migrationSets: MigrationSet[] = [
  engineMigrations,
  { namespace: 'server', dir: fileURLToPath(new URL('../../migrations', import.meta.url)) },
];

/**
 * Brings up everything in one process: database (embedded or server), migrations, the engine
 * with its Zeebe gRPC gateway, the HTTP API (identity, documents, Camunda's /v2), live events,
 * the connectors and (in development) the stand-in agencies. Resolves once the node is ready;
 * `close` stops it all gracefully.
 */
export async function startBalcao(
  config: ServerConfig,
  log: Logger,
  options: { now?: () => Date } = {},
): Promise<Balcao> {
  if (!config.DATABASE_URL) {
    log.info(
      { dataDir: config.DATA_DIR },
      'opening the embedded database (the first start creates it, which takes a few seconds)',
    );
  }
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    log,
  });
  // Checked before anything listens: a non-loopback bind needs tokens (identity API tokens,
  // and GATEWAY_TOKENS if configured).
  const auth = gatewayAuthenticators({
    nodeEnv: config.NODE_ENV,
    httpHost: config.HOST,
    grpcAddress: config.GATEWAY_ADDRESS,
    // On loopback outside production the gateway runs open, like a local Camunda; elsewhere
    // identity API tokens (and GATEWAY_TOKENS, if set) are required.
    authenticator: needsTokens(config)
      ? anyOf([
          async (token) => (internal.matches(token) ? internalPrincipal : undefined),
          (token) => createGatewayAuthenticator(db, { accessTokens: signing.tokens })(token),
          ...(config.GATEWAY_TOKENS.length > 0
            ? [staticTokenAuthenticator(config.GATEWAY_TOKENS)]
            : []),
        ])
      : undefined,
  });

  const nodeId = config.NODE_ID ?? `${os.hostname()}-${process.pid}`;
  const signing: { tokens?: AccessTokens } = {};
  const internal = new InternalCredential();
  const engine = engineService({
    db,
    log,
    grpcAddress: config.GATEWAY_ADDRESS,
    tls: gatewayTls(config),
    auth,
    nodeId,
    formValidator: (name, content) => {
      const checked = formResourceValidator(name, content);
      return { id: checked.formId, errors: checked.errors };
    },
  });
  const uploads = new FileSystemDocumentStore(path.join(config.DATA_DIR, 'documents'));
  const late = new LateRouters();
  let server: Server | undefined;
  let live: LiveHub | undefined;
  let integrations: Integrations | undefined;
  let stopNode: (() => Promise<void>) | undefined;
  let sync: TaskSync | undefined;
  let starter: ApplicationStarter | undefined;
  let jobTasks: { close(): Promise<void> } | undefined;
  try {
    let migrated = false;
    const app = createApp({
      log,
      trustProxy: config.TRUST_PROXY,
      readiness: {
        async notReadyReason() {
          if (!migrated) return 'database migrations are still running';
          return db.ping().then(
            () => undefined,
            (error: unknown) => `database does not answer: ${(error as Error).message}`,
          );
        },
      },
      routers: [
        { path: '/v2', router: engine.v2 },
        { path: '/', router: late.router },
      ],
    });
    server = app.listen(config.PORT, config.HOST);
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const httpUrl = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;

    await migrate(db, migrationSets, log);
    signing.tokens = await AccessTokens.load(db);
    late.add(oauthTokenRoute(db, signing.tokens, log));
    const { grpc } = await engine.start();
    migrated = true;
    const gatewayAddress = `${grpc.host.includes(':') ? `[${grpc.host}]` : grpc.host}:${grpc.port}`;
    const seedDemo = config.SEED_DEMO_ACCOUNTS ?? config.NODE_ENV !== 'production';
    if (seedDemo) await seedDemoAccounts(db);
    live = await attachLiveHub(server, {
      db,
      log,
      redisUrl: config.REDIS_URL,
      canWatchApplication: (principal, number) => mayWatchApplication(db, principal, number),
    });
    const camunda = internal.client(gatewayAddress, httpUrl);
    const tracker = new Tracker({ db, live, log });
    sync = new TaskSync({ db, camunda, live, tracker, log: log.child({ part: 'inbox-sync' }) });
    starter = new ApplicationStarter({ db, camunda, live, tracker, log });
    const certificates = new LinkedDocumentSink(
      new FileDocumentSink(path.join(config.DATA_DIR, 'certificates')),
      { db, tracker, storagePath: 'certificates' },
    );
    const services: ServerServices = {
      db,
      log,
      config,
      camunda,
      engineRest: engineRest(httpUrl, internal.token),
      live,
      uploads,
      certificates,
      tracker,
      sync,
      starter,
      holidays: macaoHolidays(),
      ...(options.now ? { now: options.now } : {}),
    };
    late.add(
      createApiRouter({
        db,
        log,
        routes: apiRoutes(services),
        oidc: oidcOptions(config),
        requestsPerMinute: config.API_REQUESTS_PER_MINUTE,
      }),
    );
    late.add(webApps());
    if (config.DEPLOY_LIBRARY) await deployProcessLibrary(camunda, db, log);
    integrations = await startIntegrations(config, {
      camunda,
      publicUrl: config.PUBLIC_URL ?? `http://localhost:${port}`,
      log,
      documents: certificates,
      inAppNotices: new DatabaseNoticeSink({ db, live }),
      onJobDone: trackConnectorJob(tracker),
    });
    sync.run();
    starter.run();
    jobTasks = startJobUserTasks({ db, camunda, sync, tracker, log });
    if (integrations.connectors) {
      late.add(paymentWebhookRoute(integrations.connectors.handlePaymentWebhook, log, db));
      late.add(verificationRoutes(integrations.connectors.documents));
    }
    stopNode = await registerNode(db, { id: nodeId, httpAddress: httpUrl });

    const listening = server;
    const hub = live;
    const background = [sync, starter];
    const starts = starter;
    const jobWorker = jobTasks;
    const running = integrations;
    return {
      httpUrl,
      gatewayAddress,
      db,
      demoAccounts: seedDemo ? demoAccountLines() : [],
      agenciesUrl: running.agenciesUrl,
      retryPendingStarts: () => starts.retryPending(),
      routes: () => [
        ...listRoutes((app as unknown as { router: { stack: unknown[] } }).router),
        ...late.mounted.flatMap((router) => listRoutes(router)),
      ],
      async close() {
        const troubled = await stopInOrder(
          [
            { name: 'background tasks', stop: () => background.forEach((task) => task.stop()) },
            { name: 'user-task job worker', stop: () => jobWorker.close() },
            { name: 'live updates', stop: () => hub.close() },
            {
              name: 'HTTP server',
              stop: () => {
                listening.closeAllConnections();
                return new Promise<void>((resolve) => listening.close(() => resolve()));
              },
            },
            { name: 'connectors and agencies', stop: () => running.close() },
            {
              name: 'internal Zeebe client',
              stop: () =>
                camunda
                  .getZeebeGrpcApiClient()
                  .close(2000)
                  .catch(() => undefined),
            },
            { name: 'engine', stop: () => engine.stop() },
            { name: 'node registration', stop: () => stopNode?.() },
            { name: 'database', stop: () => db.close() },
          ],
          log,
        );
        if (troubled.length > 0)
          throw new Error(`These parts did not stop cleanly: ${troubled.join(', ')}.`);
      },
    };
  } catch (error) {
    sync?.stop();
    starter?.stop();
    await jobTasks?.close().catch(() => undefined);
    await live?.close().catch(() => undefined);
    await integrations?.close().catch(() => undefined);
    server?.close();
    await engine.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** TLS for the gateway when both PEM paths are configured (the config schema checks the pair). */
export function gatewayTls(
  config: ServerConfig,
): { certPath: string; keyPath: string } | undefined {
  return config.GATEWAY_TLS_CERT && config.GATEWAY_TLS_KEY
    ? { certPath: config.GATEWAY_TLS_CERT, keyPath: config.GATEWAY_TLS_KEY }
    : undefined;
}

function oidcOptions(config: ServerConfig) {
  if (
    !config.OIDC_ISSUER ||
    !config.OIDC_CLIENT_ID ||
    !config.OIDC_CLIENT_SECRET ||
    !config.OIDC_REDIRECT_URI
  ) {
    return undefined;
  }
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    redirectUri: config.OIDC_REDIRECT_URI,
  };
}

function needsTokens(config: ServerConfig): boolean {
  const grpcHost = config.GATEWAY_ADDRESS.replace(/:\d+$/, '');
  return (
    config.GATEWAY_TOKENS.length > 0 ||
    authRequired({ host: config.HOST, nodeEnv: config.NODE_ENV }) ||
    authRequired({ host: grpcHost, nodeEnv: config.NODE_ENV })
  );
}

/** Who this node's own clients are to the gateway. */
const internalPrincipal = { id: 'balcao-internal' };

/** The first authenticator that recognises a token wins. */
function anyOf(authenticators: Authenticator[]): Authenticator {
  return async (token) => {
    for (const authenticate of authenticators) {
      const principal = await authenticate(token);
      if (principal) return principal;
    }
    return undefined;
  };
}

/** Routes that exist only once their services started (connectors), mounted in order. */
class LateRouters {
  private readonly routers: Router[] = [];
  readonly router: Router = ((req, res, next) => {
    if (this.routers.length === 0 && req.path.startsWith('/api/')) {
      res.status(503).json({
        error: { code: 'UNAVAILABLE', message: 'Balcão is starting. Try again in a few seconds.' },
      });
      return;
    }
    const chain = [...this.routers];
    const run = (i: number): void => {
      const current = chain[i];
      if (!current) return next();
      current(req, res, (error?: unknown) => (error ? next(error) : run(i + 1)));
    };
    run(0);
  }) as Router;

  add(router: Router): void {
    this.routers.push(router);
  }

  get mounted(): readonly Router[] {
    return this.routers;
  }
}
