import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BalcaoError } from '@balcao/platform';
import type { AccessLogEntry } from '../civil-registry/AccessLog';
import type { Letter } from '../document-exchange/Letter';
import type { IdempotencyRecord } from '../idempotency/IdempotencyStore';
import type { Notice } from '../notification/Notice';
import type { Payment } from '../payment/Payment';

/** What the agencies change at run time; the seeded reference data is rebuilt on start. */
export interface AgencyState {
  letters: Record<string, Letter>;
  payments: Record<string, Payment>;
  notices: Record<string, Notice>;
  idempotency: Record<string, IdempotencyRecord>;
  accessLog: AccessLogEntry[];
}

// Shallow on purpose: the file is written by this code; the check catches a foreign file.
const stateFileSchema = z.object({
  version: z.literal(1),
  letters: z.record(z.string(), z.looseObject({ id: z.string() })),
  payments: z.record(z.string(), z.looseObject({ id: z.string() })),
  notices: z.record(z.string(), z.looseObject({ id: z.string() })),
  idempotency: z.record(z.string(), z.looseObject({ key: z.string() })),
  accessLog: z.array(z.looseObject({ id: z.string() })),
});

const fileName = 'agencies-state.json';

/** Keeps the state in memory and, with a data dir, in one JSON file written atomically. */
export class StateStore {
  readonly state: AgencyState;

  constructor(private readonly dataDir?: string) {
    this.state = dataDir === undefined ? emptyState() : load(dataDir);
  }

  /** Writes the whole state (temp file + rename, so a crash never leaves half a file). */
  save(): void {
    if (this.dataDir === undefined) return;
    const target = join(this.dataDir, fileName);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, ...this.state }));
    renameSync(temp, target);
  }
}

function emptyState(): AgencyState {
  return { letters: {}, payments: {}, notices: {}, idempotency: {}, accessLog: [] };
}

function load(dataDir: string): AgencyState {
  mkdirSync(dataDir, { recursive: true });
  let text: string;
  try {
    text = readFileSync(join(dataDir, fileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw error;
  }
  const parsed = stateFileSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw BalcaoError.nonRetryable(
      'AGENCIES_STATE_INVALID',
      `${join(dataDir, fileName)} is not a stand-in agencies state file: move it away or delete it.`,
      parsed.error,
    );
  }
  const { letters, payments, notices, idempotency, accessLog } = parsed.data;
  return { letters, payments, notices, idempotency, accessLog } as unknown as AgencyState;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
