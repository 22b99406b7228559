import { z } from 'zod';
import { baseConfigSchema, parseConfig } from '@balcao/platform';

/** Everything `npm start` reads from the environment, parsed once at boot. */
export const serverConfigSchema = baseConfigSchema
  .extend({
    NODE_ID: z
      .string()
      .regex(/^[a-zA-Z0-9._-]{1,64}$/, 'expected 1–64 letters, digits, dots, dashes or underscores')
      .optional(),
    /** Where the Zeebe gRPC gateway listens (Zeebe's default port). */
    GATEWAY_ADDRESS: z
      .string()
      .regex(
        /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):\d{1,5}$/,
        'expected host:port, for example 127.0.0.1:26500',
      )
      .default('127.0.0.1:26500'),
    /** Bearer tokens accepted by the gateway and /v2 until the identity part provides OAuth. */
    GATEWAY_TOKENS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((token) => token.trim())
          .filter((token) => token.length > 0),
      )
      .pipe(
        z.array(
          z.string().min(16, 'expected tokens of at least 16 characters (use long random strings)'),
        ),
      ),
    GATEWAY_TLS_CERT: z.string().min(1).optional(),
    GATEWAY_TLS_KEY: z.string().min(1).optional(),
  })
  .refine((config) => Boolean(config.GATEWAY_TLS_CERT) === Boolean(config.GATEWAY_TLS_KEY), {
    message: 'expected both GATEWAY_TLS_CERT and GATEWAY_TLS_KEY (PEM file paths), or neither',
    path: ['GATEWAY_TLS_KEY'],
  });

export type ServerConfig = z.infer<typeof serverConfigSchema>;

export function loadServerConfig(
  env: Record<string, string | undefined> = process.env,
): ServerConfig {
  return parseConfig(serverConfigSchema, env);
}
