import type { Camunda8 } from '@camunda8/sdk';
import type { Database } from '@balcao/platform';
import type { ApiRoute } from '../api/defineRoute';
import type { EngineRest } from '../integrations/internalClient';
import type { HolidayCalendar } from '../sla/HolidayCalendar';
import type { TaskSync } from '../tracking/TaskSync';
import type { Tracker } from '../tracking/Tracker';
import { taskActionRoutes } from './taskActionRoutes';
import { taskCommentRoutes } from './taskCommentRoutes';
import { taskQueryRoutes } from './taskQueryRoutes';

export interface TaskRouteDeps {
  db: Database;
  holidays: HolidayCalendar;
  camunda: Camunda8;
  engineRest: EngineRest;
  sync: TaskSync;
  tracker: Tracker;
}

/** The inbox: tasks of the clerk's groups (or the citizen's own), claimed and completed here. */
export function taskRoutes(deps: TaskRouteDeps): ApiRoute[] {
  return [...taskQueryRoutes(deps), ...taskActionRoutes(deps), ...taskCommentRoutes()];
}
