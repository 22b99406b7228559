export { TestEngine } from './TestEngine';
export { ControlledClock } from './ControlledClock';
export { bpmn, el, type Flow } from './bpmn';
export { dmn, dmnDecision, type TableSpec } from './dmn';
