import { z } from 'zod';
import { agencyNames, type AgencyName } from '../AgencyName';
import { hashSeed, seededRandom, type Random } from '../random/seededRandom';

export const faultSettingsSchema = z.object({
  latencyMs: z.number().int().min(0).max(600_000).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  timeoutRate: z.number().min(0).max(1).default(0),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;
export type FaultSettingsInput = z.input<typeof faultSettingsSchema>;

/** What happens to one request: wait `latencyMs`, then go on, fail with 5xx, or hang. */
export interface FaultDecision {
  latencyMs: number;
  outcome: 'proceed' | 'error' | 'hang';
}

export interface FaultController {
  /** Replaces the faults of one agency (missing fields mean no such fault). */
  set(agency: AgencyName, settings: FaultSettingsInput): FaultSettings;
  get(agency: AgencyName): FaultSettings;
  /** Removes the faults of one agency, or of all when none is named. */
  clear(agency?: AgencyName): void;
  list(): Record<AgencyName, FaultSettings>;
  decide(agency: AgencyName): FaultDecision;
}

const none: FaultSettings = { latencyMs: 0, errorRate: 0, timeoutRate: 0 };

/**
 * With a seed, each agency draws from its own PRNG, restarted whenever its faults are set,
 * so "errorRate 0.5" gives the same pass/fail sequence on every test run.
 */
export function createFaultController(
  options: {
    seed?: number | undefined;
    initial?: Partial<Record<AgencyName, FaultSettingsInput>>;
  } = {},
): FaultController {
  const settings = new Map<AgencyName, FaultSettings>();
  const randoms = new Map<AgencyName, Random>();
  const randomFor = (agency: AgencyName): (() => number) => {
    if (options.seed === undefined) return Math.random;
    let random = randoms.get(agency);
    if (random === undefined) {
      random = seededRandom(hashSeed(options.seed, agency));
      randoms.set(agency, random);
    }
    return () => random.next();
  };

  const controller: FaultController = {
    set(agency, input) {
      const parsed = faultSettingsSchema.parse(input);
      settings.set(agency, parsed);
      randoms.delete(agency);
      return parsed;
    },
    get: (agency) => settings.get(agency) ?? none,
    clear(agency) {
      for (const name of agency === undefined ? agencyNames : [agency]) {
        settings.delete(name);
        randoms.delete(name);
      }
    },
    list: () =>
      Object.fromEntries(agencyNames.map((name) => [name, controller.get(name)])) as Record<
        AgencyName,
        FaultSettings
      >,
    decide(agency) {
      const current = controller.get(agency);
      if (current.errorRate === 0 && current.timeoutRate === 0) {
        return { latencyMs: current.latencyMs, outcome: 'proceed' };
      }
      const draw = randomFor(agency)();
      const outcome =
        draw < current.timeoutRate
          ? 'hang'
          : draw < current.timeoutRate + current.errorRate
            ? 'error'
            : 'proceed';
      return { latencyMs: current.latencyMs, outcome };
    },
  };
  for (const [agency, input] of Object.entries(options.initial ?? {})) {
    if (input !== undefined) controller.set(agency as AgencyName, input);
  }
  return controller;
}
