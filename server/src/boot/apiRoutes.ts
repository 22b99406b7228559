import type { ApiRoute } from '../api/defineRoute';
import { documentRoutes } from '../documents/documentRoutes';
import { modelingRoutes } from '../modeling/modelingRoutes';
import type { ServerServices } from './ServerServices';

/** Every route group of the HTTP API beside identity (which createApiRouter adds itself). */
export function apiRoutes(services: ServerServices): ApiRoute[] {
  const maxBytes = services.config.UPLOAD_MAX_MB * 1024 * 1024;
  return [...documentRoutes(services.uploads, { maxBytes }), ...modelingRoutes(services)];
}
