import { z } from 'zod';
import { baseConfigSchema, parseConfig } from '@balcao/platform';

/** Everything `npm start` reads from the environment, parsed once at boot. */
export const serverConfigSchema = baseConfigSchema.extend({
  NODE_ID: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{1,64}$/, 'expected 1–64 letters, digits, dots, dashes or underscores')
    .optional(),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;

export function loadServerConfig(
  env: Record<string, string | undefined> = process.env,
): ServerConfig {
  return parseConfig(serverConfigSchema, env);
}
