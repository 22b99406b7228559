import type { z } from 'zod';
import { BalcaoError } from '../errors/BalcaoError';
import { PlatformErrorCode } from '../errors/codes';

/**
 * Parses environment variables once, at boot. An invalid value stops the process with a
 * message naming each variable, what it accepts and what it got.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  // Empty strings count as unset, as they do in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const got = name in cleaned ? ` (got ${JSON.stringify(cleaned[name])})` : '';
    return `  ${name}: ${issue.message}${got}`;
  });
  throw new BalcaoError(
    PlatformErrorCode.ConfigInvalid,
    `Invalid configuration; fix these environment variables and start again:\n${lines.join('\n')}`,
  );
}
