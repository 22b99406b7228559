export {
  defineConnector,
  type ConnectorContext,
  type ConnectorDefinition,
} from './runtime/defineConnector';
export {
  startConnectors,
  type RunningConnectors,
  type StartConnectorsOptions,
  type ZeebeWorkerClient,
} from './runtime/startConnectors';
export { handleJob, type JobDeps, type JobLike, type JobOutcome } from './runtime/handleJob';
export { BpmnError, ConnectorErrorKind, connectorError } from './runtime/ConnectorError';
export {
  ConnectorMetrics,
  JobResult,
  durationBucketsMs,
  type ConnectorMetricsSnapshot,
} from './runtime/ConnectorMetrics';
export {
  agencyEndpointsSchema,
  type AgencyEndpoint,
  type AgencyEndpoints,
} from './runtime/AgencyEndpoints';
export { agencyRequest } from './runtime/agencyRequest';
export { resolveSecrets } from './runtime/resolveSecrets';
