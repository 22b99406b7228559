import type { Database, Logger } from '@balcao/platform';
import type { ResourceValidator } from '../deploy/deployResources';
import type { Clock } from './context/Clock';

export interface EngineOptions {
  db: Database;
  log: Logger;
  clock?: Clock;
  /** How often the scheduler looks for due timers, job deadlines and expired messages. */
  schedulerIntervalMs?: number;
  /** Checks form resources at deploy (the server passes the forms package's validator). */
  formValidator?: ResourceValidator;
  /** false: no background scheduler (tests drive `runDueWork` with their clock). */
  scheduler?: boolean;
}
