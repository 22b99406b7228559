/**
 * A compact way for tests to write Camunda 8 BPMN: elements as XML snippets, flows as
 * [source, target, condition?] triples. The output is the dialect Camunda Modeler writes.
 */
export type Flow =
  | [source: string, target: string, condition?: string]
  | [source: string, target: string, condition: string | undefined, id: string];

export function bpmn(processId: string, elements: string[], flows: Flow[], extra = ''): string {
  const flowXml = flows
    .map(([source, target, condition, id], i) => {
      const flowId = id ?? `Flow_${i + 1}_${source}_${target}`;
      const body = condition
        ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escape(condition)}</bpmn:conditionExpression>`
        : '';
      return `<bpmn:sequenceFlow id="${flowId}" sourceRef="${source}" targetRef="${target}">${body}</bpmn:sequenceFlow>`;
    })
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.7.0">
  ${extra}
  <bpmn:process id="${processId}" isExecutable="true">
    ${elements.join('\n    ')}
    ${flowXml}
  </bpmn:process>
</bpmn:definitions>`;
}

export const el = {
  start: (id: string, body = '') => `<bpmn:startEvent id="${id}">${body}</bpmn:startEvent>`,
  end: (id: string, body = '') => `<bpmn:endEvent id="${id}">${body}</bpmn:endEvent>`,
  service: (id: string, type: string, ext = '') =>
    `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${escape(type)}" />${ext}</bpmn:extensionElements></bpmn:serviceTask>`,
  script: (id: string, expression: string, resultVariable: string) =>
    `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="${escape(expression)}" resultVariable="${resultVariable}" /></bpmn:extensionElements></bpmn:scriptTask>`,
  user: (id: string, ext = '') =>
    `<bpmn:userTask id="${id}"><bpmn:extensionElements>${ext}</bpmn:extensionElements></bpmn:userTask>`,
  manual: (id: string) => `<bpmn:manualTask id="${id}" />`,
  task: (id: string) => `<bpmn:task id="${id}" />`,
  xor: (id: string, defaultFlow?: string) =>
    `<bpmn:exclusiveGateway id="${id}"${defaultFlow ? ` default="${defaultFlow}"` : ''} />`,
  and: (id: string) => `<bpmn:parallelGateway id="${id}" />`,
  or: (id: string, defaultFlow?: string) =>
    `<bpmn:inclusiveGateway id="${id}"${defaultFlow ? ` default="${defaultFlow}"` : ''} />`,
  eventGateway: (id: string) => `<bpmn:eventBasedGateway id="${id}" />`,
  messageCatch: (id: string, messageRef: string) =>
    `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:intermediateCatchEvent>`,
  receive: (id: string, messageRef: string) =>
    `<bpmn:receiveTask id="${id}" messageRef="${messageRef}" />`,
  timerCatch: (id: string, kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string) =>
    `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${escape(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`,
  boundaryTimer: (
    id: string,
    attachedTo: string,
    kind: 'timeDuration' | 'timeDate' | 'timeCycle',
    value: string,
    interrupting = true,
  ) =>
    `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${escape(value)}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
  boundaryError: (id: string, attachedTo: string, errorRef?: string) =>
    `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"><bpmn:errorEventDefinition${errorRef ? ` errorRef="${errorRef}"` : ''} /></bpmn:boundaryEvent>`,
  boundaryMessage: (id: string, attachedTo: string, messageRef: string, interrupting = true) =>
    `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:boundaryEvent>`,
  message: (id: string, name: string, correlationKey?: string) =>
    `<bpmn:message id="${id}" name="${escape(name)}">${correlationKey ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${escape(correlationKey)}" /></bpmn:extensionElements>` : ''}</bpmn:message>`,
  error: (id: string, code: string) =>
    `<bpmn:error id="${id}" name="${code}" errorCode="${code}" />`,
  io: (inputs: [string, string][] = [], outputs: [string, string][] = []) =>
    `<zeebe:ioMapping>${inputs.map(([s, t]) => `<zeebe:input source="${escape(s)}" target="${t}" />`).join('')}${outputs
      .map(([s, t]) => `<zeebe:output source="${escape(s)}" target="${t}" />`)
      .join('')}</zeebe:ioMapping>`,
};

function escape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
