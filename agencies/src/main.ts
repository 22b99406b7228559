import { createLogger, parseConfig, portSchema } from '@balcao/platform';
import { z } from 'zod';
import { startAgencies } from './startAgencies';

const configSchema = z.object({
  PORT: portSchema(8090),
  HOST: z.string().min(1).default('127.0.0.1'),
  AGENCIES_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const config = parseConfig(configSchema);
const logger = createLogger({ level: config.LOG_LEVEL, name: 'agencies' });
const agencies = await startAgencies({
  port: config.PORT,
  host: config.HOST,
  dataDir: config.AGENCIES_DATA_DIR,
  logger,
});

const lines = [
  `Stand-in agencies at ${agencies.url}`,
  ...Object.entries(agencies.urls).map(
    ([agency, url]) =>
      `  ${agency.padEnd(18)} ${url}   X-Api-Key: ${agencies.apiKeys[agency as keyof typeof agencies.apiKeys]}`,
  ),
  `  admin (faults)     ${agencies.url}/admin/faults   X-Admin-Key: ${agencies.adminKey}`,
  `  webhook secret     ${agencies.webhookSecret}`,
];
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  agencies.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// Started by Balcão: stop when Balcão goes, even if it was killed and could not tell us
// (its end of our stdin pipe closes then).
if (process.env.BALCAO_EXIT_WITH_PARENT === '1') {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
