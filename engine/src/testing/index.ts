export { TestEngine } from './TestEngine';
export { ControlledClock } from './ControlledClock';
export { bpmn, el, type Flow } from './bpmn';
