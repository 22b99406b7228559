import { z } from 'zod';
import type { Logger } from '@balcao/platform';
import { AgencyName, agencyNameSchema } from './AgencyName';
import { faultSettingsSchema } from './faults/FaultController';

/** Demo credentials (documented in agencies/README.md); never use them outside a demo. */
export const demoApiKeys: Readonly<Record<AgencyName, string>> = {
  [AgencyName.CivilRegistry]: 'demo-civil-registry-key',
  [AgencyName.Tax]: 'demo-tax-key',
  [AgencyName.DocumentExchange]: 'demo-document-exchange-key',
  [AgencyName.Payment]: 'demo-payment-key',
  [AgencyName.Notification]: 'demo-notification-key',
};
export const demoAdminKey = 'demo-admin-key';
export const demoWebhookSecret = 'demo-webhook-secret';
export const defaultDataSeed = 20250402;

const secret = z.string().min(8, 'expected at least 8 characters');

export const startAgenciesOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  /** Per-agency API keys; an agency not named here keeps its demo key. */
  apiKeys: z.partialRecord(agencyNameSchema, secret).default({}),
  adminKey: secret.default(demoAdminKey),
  webhookSecret: secret.default(demoWebhookSecret),
  webhook: z
    .object({
      maxAttempts: z.number().int().min(1).max(20).default(5),
      retryDelayMs: z.number().int().min(0).max(600_000).default(1000),
      timeoutMs: z.number().int().min(1).max(120_000).default(5000),
    })
    .default({ maxAttempts: 5, retryDelayMs: 1000, timeoutMs: 5000 }),
  /** Seed of the reference data (persons, taxpayers); the demo data rely on the default. */
  dataSeed: z.number().int().default(defaultDataSeed),
  /** Faults from the start; change them later with `faults.set` or the admin API. */
  faults: z.partialRecord(agencyNameSchema, faultSettingsSchema.partial()).default({}),
  /** With a seed, fault injection draws the same sequence on every run. */
  faultSeed: z.number().int().optional(),
  /** With a directory, letters, payments, notices and logs survive a restart. */
  dataDir: z.string().min(1).optional(),
  /** Base URL the citizens' browsers use (pay page links); default: the listening URL. */
  publicUrl: z.url().optional(),
});

export type StartAgenciesOptions = z.input<typeof startAgenciesOptionsSchema> & {
  logger?: Logger;
  /** The clock (tests may pin it). */
  now?: () => Date;
};
