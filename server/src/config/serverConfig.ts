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
    /** socket.io's Redis adapter: several nodes share live events. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'expected a Redis URL such as redis://127.0.0.1:6379')
      .optional(),
    TRUST_PROXY: z.stringbool({ error: 'expected true or false' }).default(false),
    /** Demo accounts with public passwords: default on, except in production. */
    SEED_DEMO_ACCOUNTS: z.stringbool({ error: 'expected true or false' }).optional(),
    OIDC_ISSUER: z
      .url({ error: 'expected the issuer URL, e.g. https://keycloak.example/realms/gov' })
      .optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: z.url().optional(),
    /** The agency systems: the bundled stand-ins (embedded), real ones at AGENCIES_URL, or none. */
    AGENCIES: z
      .enum(['embedded', 'external', 'off'], { error: 'expected embedded, external or off' })
      .default('embedded'),
    AGENCIES_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
    AGENCIES_URL: z.url().optional(),
    /** API keys per agency as JSON, e.g. {"tax":"…"}; default: the stand-ins' demo keys. */
    AGENCY_API_KEYS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value) return {};
        try {
          return z.record(z.string(), z.string()).parse(JSON.parse(value));
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: 'expected a JSON object of agency name to API key',
          });
          return z.NEVER;
        }
      }),
    PAYMENT_WEBHOOK_SECRET: z
      .string()
      .min(8, 'expected at least 8 characters')
      .default('demo-webhook-secret'),
    /** The address citizens use (links in certificates and pay pages); default http://localhost:PORT. */
    PUBLIC_URL: z.url().optional(),
    UPLOAD_MAX_MB: z.coerce.number().positive().max(200).default(10),
    /** Requests per minute and client address over all of /api on one node. */
    API_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
    CONNECTORS: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
    /** Deploy the bundled process library at start (only what changed gets a new version). */
    DEPLOY_LIBRARY: z.stringbool({ error: 'expected true or false' }).default(true),
  })
  .refine((config) => config.AGENCIES !== 'external' || config.AGENCIES_URL !== undefined, {
    message: 'expected AGENCIES_URL when AGENCIES=external',
    path: ['AGENCIES_URL'],
  })
  .refine(
    (config) =>
      config.NODE_ENV !== 'production' || config.PAYMENT_WEBHOOK_SECRET !== 'demo-webhook-secret',
    {
      message: 'expected a real secret in production (the demo secret is public)',
      path: ['PAYMENT_WEBHOOK_SECRET'],
    },
  )
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
