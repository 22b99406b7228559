import { BalcaoError, createLogger } from '@balcao/platform';
import { startBalcao } from './boot/startBalcao';
import { loadServerConfig } from './config/serverConfig';

// `npm start`: everything in one process. Exits non-zero with a readable reason on bad config
// or an unreachable database, so a newcomer sees what to fix.
async function main(): Promise<void> {
  let config;
  try {
    config = loadServerConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const log = createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const balcao = await startBalcao(config, log).catch((error: unknown) => {
    if (error instanceof BalcaoError)
      log.fatal({ code: error.code, cause: error.cause }, error.message);
    else log.fatal({ err: error }, 'Balcão could not start');
    process.exit(1);
  });
  if (balcao.demoAccounts.length > 0) {
    log.info(
      { accounts: balcao.demoAccounts },
      `demo accounts (public passwords, for local use only):\n  ${balcao.demoAccounts.join('\n  ')}`,
    );
  }
  if (balcao.agenciesUrl)
    log.info({ agencies: balcao.agenciesUrl }, `agency systems at ${balcao.agenciesUrl}`);
  log.info(
    {
      url: balcao.httpUrl,
      gateway: balcao.gatewayAddress,
      database: balcao.db.kind,
      dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
    },
    `Balcão is ready on ${balcao.httpUrl}, Zeebe gateway on ${balcao.gatewayAddress} (database: ${balcao.db.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL server'})`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130); // a second Ctrl-C forces the exit
    stopping = true;
    log.info({ signal }, 'stopping');
    balcao.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
