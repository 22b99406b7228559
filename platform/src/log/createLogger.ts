import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * Structured logs (JSON lines) by default; human-readable when a person watches a terminal.
 * Secrets never reach the logs: the paths below are redacted wherever they appear.
 */
export function createLogger(options: {
  level: LevelWithSilent;
  format?: 'json' | 'pretty' | undefined;
  name?: string;
}): Logger {
  const pretty =
    options.format === 'pretty' || (options.format === undefined && process.stdout.isTTY);
  return pino({
    name: options.name ?? 'balcao',
    level: options.level,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}
