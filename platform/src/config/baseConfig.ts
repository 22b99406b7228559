import { z } from 'zod';

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a port number' })
    .int('expected a whole port number')
    .min(0, 'expected a port between 0 (any free port) and 65535')
    .max(65535, 'expected a port between 0 (any free port) and 65535')
    .default(fallback);

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'expected a PostgreSQL URL such as postgres://user@host:5432/db');

/** Variables every Balcão process reads. Parts extend this schema with their own. */
export const baseConfigSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      message: 'expected one of development, test, production',
    })
    .default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'expected a number of connections' })
    .int()
    .min(1, 'expected at least 1 connection')
    .max(200, 'expected at most 200 connections')
    .default(10),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'expected json or pretty' }).optional(),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;
export { port as portSchema };
