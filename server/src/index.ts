export { startBalcao, type Balcao } from './boot/startBalcao';
export { loadServerConfig, serverConfigSchema, type ServerConfig } from './config/serverConfig';
export { createApp } from './http/createApp';
export { createApiRouter, type ApiRouterDeps } from './api/createApiRouter';
export { defineRoute, type ApiRoute, type RouteContext, type RouteDeps } from './api/defineRoute';
export { apiErrors } from './api/apiErrors';
export { ApiErrorCode } from './api/ApiErrorCode';
export { pageQuerySchema, pagedSchema, paged, pageWindow, type PageQuery } from './api/pagination';
export { Role, principalSchema, type Principal } from './identity/Principal';
export { createTokenAuthenticator, type TokenAuthenticator } from './identity/apiTokens';
export { createAccount, type NewAccount } from './identity/accounts';
export { seedDemoAccounts, demoAccountLines, demoAccounts } from './identity/demoAccounts';
export { appendAudit, type AuditEntry } from './audit/appendAudit';
export { verifyAuditChain, type AuditChainReport } from './audit/verifyAuditChain';
export {
  attachLiveHub,
  type LiveHub,
  type LiveHubDeps,
  type LiveEvent,
} from './live/attachLiveHub';
export { liveRooms } from './live/liveRooms';
export {
  requireOwner,
  requireGroupTask,
  requireAgencyAnalyst,
  requireRole,
  visibleGroups,
} from './access/authorize';
export {
  slaStatus,
  isWorkingDay,
  macaoDate,
  SlaState,
  WARNING_RATIO,
  type SlaInput,
  type SlaStatus,
  type Suspension,
} from './sla/slaClock';
export { macaoHolidays, holidayCalendar, type HolidayCalendar } from './sla/HolidayCalendar';
export { createGatewayAuthenticator } from './identity/gatewayAuthenticator';
export { oidcOptionsSchema, type OidcOptionsInput } from './identity/oidc/oidcOptions';
