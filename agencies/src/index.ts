export { startAgencies, type RunningAgencies } from './startAgencies';
export {
  demoAdminKey,
  demoApiKeys,
  demoWebhookSecret,
  defaultDataSeed,
  type StartAgenciesOptions,
} from './agencyOptions';
export { AgencyName, agencyNames } from './AgencyName';
export type { FaultController, FaultSettings, FaultSettingsInput } from './faults/FaultController';
export { signWebhook } from './payment/WebhookSender';
export { DemoPerson } from './civil-registry/demoPersons';
export { DemoTaxpayer } from './tax/seedTaxpayers';
export { displayIdNumber, maskIdNumber, normaliseIdNumber } from './civil-registry/idNumber';
