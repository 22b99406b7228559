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
  type JobObserver,
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
export { secretsFromEnv } from './runtime/secretsFromEnv';
export { agencyEndpointsFromStandIns } from './runtime/AgencyEndpoints';
export {
  civilRegistryConnector,
  civilRegistryInputSchema,
  CivilRegistryError,
  type CivilRegistryInput,
} from './civil-registry/civilRegistryConnector';
export { taxConnector, taxInputSchema, taxDebtErrorExpression } from './tax/taxConnector';
export { notifyConnector, notifyInputSchema, type NotifyInput } from './notify/notifyConnector';
export {
  MemoryInAppNoticeSink,
  type InAppNotice,
  type InAppNoticeSink,
} from './notify/InAppNoticeSink';
export { paymentConnector, paymentInputSchema } from './payment/paymentConnector';
export {
  createPaymentWebhookHandler,
  PaymentMessage,
  type MessagePublisher,
} from './payment/handlePaymentWebhook';
export { httpConnector, httpInputSchema, type HttpInput } from './http/httpConnector';
export { httpAuthenticationSchema, type HttpAuthentication } from './http/httpAuthentication';
export {
  exchangeDocumentConnector,
  exchangeDocumentInputSchema,
} from './documents/exchangeDocumentConnector';
export {
  letterActionConnector,
  letterActionInputSchema,
  LetterAction,
} from './documents/letterActionConnector';
export {
  issueDocumentConnector,
  issueDocumentInputSchema,
  type IssueDocumentOptions,
} from './documents/issueDocumentConnector';
export type { DocumentSink, IssuedDocument } from './documents/DocumentSink';
export { FileDocumentSink } from './documents/FileDocumentSink';
export { verifyDocument, VerificationStatus, type Verification } from './documents/verifyDocument';
export { renderCertificate, type CertificateContent } from './documents/renderCertificate';
export { elementTemplates } from './elementTemplates';
export {
  holidayCalendar,
  holidayFileSchema,
  macaoHolidays,
  type HolidayCalendar,
} from './working-days/HolidayCalendar';
export { addWorkingDays } from './working-days/addWorkingDays';
export { workingDaysConnector, workingDaysInputSchema } from './working-days/workingDaysConnector';
