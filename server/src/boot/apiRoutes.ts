import type { ApiRoute } from '../api/defineRoute';
import { applicationRoutes } from '../applications/applicationRoutes';
import { draftRoutes } from '../applications/draftRoutes';
import { openCallReportRoutes } from '../applications/openCallReportRoutes';
import { staffMessageRoutes } from '../applications/staffMessageRoutes';
import { catalogueRoutes } from '../catalogue/catalogueRoutes';
import { documentRoutes } from '../documents/documentRoutes';
import { verifyRoutes } from '../documents/verifyRoutes';
import { hospitalNotificationRoutes } from '../hospital/hospitalNotificationRoutes';
import { taskRoutes } from '../inbox/taskRoutes';
import { viewRoutes } from '../inbox/viewRoutes';
import { modelingRoutes } from '../modeling/modelingRoutes';
import { monitorRoutes } from '../monitor/monitorRoutes';
import { notificationRoutes } from '../tracking/notificationRoutes';
import type { ServerServices } from './ServerServices';

/** Every route group of the HTTP API beside identity (which createApiRouter adds itself). */
export function apiRoutes(services: ServerServices): ApiRoute[] {
  const maxBytes = services.config.UPLOAD_MAX_MB * 1024 * 1024;
  return [
    ...documentRoutes(services.uploads, { maxBytes }),
    ...verifyRoutes(services.certificates),
    ...catalogueRoutes(),
    // Drafts before `/api/applications/:number`, whose pattern would not match them anyway.
    ...draftRoutes(),
    ...applicationRoutes(services),
    ...staffMessageRoutes(services),
    ...openCallReportRoutes(services),
    ...hospitalNotificationRoutes(services),
    ...taskRoutes(services),
    ...viewRoutes(),
    ...notificationRoutes(),
    ...modelingRoutes(services),
    ...monitorRoutes(services),
  ];
}
