import type { Behaviours } from '../lifecycle/Lifecycle';
import { adHocSubProcess } from './adHocSubProcess';
import { businessRuleTask } from './businessRuleTask';
import { callActivity } from './callActivity';
import { catchEvent } from './catchEvent';
import { endEvent } from './endEvent';
import { eventBasedGateway } from './eventBasedGateway';
import { exclusiveGateway, inclusiveGateway } from './exclusiveGateway';
import { jobTask } from './jobTask';
import { parallelGateway } from './parallelGateway';
import { scriptTask } from './scriptTask';
import { subProcess } from './subProcess';
import { throwEvent } from './throwEvent';
import { userTask } from './userTask';

/**
 * Element kind → behaviour. Kinds without an entry (start events, boundary events, manual
 * and undefined tasks) pass through: they complete as soon as they are activated.
 */
export const behaviours: Behaviours = {
  serviceTask: jobTask,
  sendTask: jobTask,
  businessRuleTask,
  scriptTask,
  userTask,
  receiveTask: catchEvent,
  intermediateCatchEvent: catchEvent,
  intermediateThrowEvent: throwEvent,
  endEvent,
  exclusiveGateway,
  inclusiveGateway,
  parallelGateway,
  eventBasedGateway,
  subProcess,
  callActivity,
  adHocSubProcess,
};
