import { describe, expect, it } from 'vitest';
import { formatModelError } from './ModelError';
import { parseBpmn } from './parseBpmn';

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud">`;

/** A document with root elements `defs` and a process holding `body`. */
function bpmn(body: string, defs = ''): string {
  return `${HEAD}${defs}<bpmn:process id="P" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
}

const start = '<bpmn:startEvent id="S" />';
const flow = (id: string, from: string, to: string, condition?: string) =>
  condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
const timer = (id: string, inner: string, tag = 'intermediateCatchEvent') =>
  `<bpmn:${tag} id="${id}"><bpmn:timerEventDefinition>${inner}</bpmn:timerEventDefinition></bpmn:${tag}>`;
const expr = (tag: string, value: string) =>
  `<bpmn:${tag} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${tag}>`;

async function errorsOf(xml: string): Promise<string[]> {
  const result = await parseBpmn(xml, 'test.bpmn');
  if (result.ok) throw new Error('expected the model to be rejected');
  return result.errors.map(formatModelError);
}

describe('parseBpmn validation', () => {
  const cases: [string, string, string, string?][] = [
    [
      'no executable process',
      `${HEAD}<bpmn:process id="P" /></bpmn:definitions>`,
      'no executable process',
    ],
    [
      'two none start events',
      bpmn(`${start}<bpmn:startEvent id="S2" />`),
      'P: process has 2 none start events',
    ],
    ['no start event', bpmn('<bpmn:task id="T" />'), 'P: process has no start event'],
    [
      'start event with incoming flow',
      bpmn(`${start}<bpmn:task id="T" />${flow('F', 'T', 'S')}`),
      'S: start event has incoming',
    ],
    [
      'end event with outgoing flow',
      bpmn(`${start}<bpmn:endEvent id="E" />${flow('F', 'E', 'S')}`),
      'E: end event has outgoing',
    ],
    [
      'flow to a missing element',
      bpmn(`${start}${flow('F', 'S', 'Nowhere')}`),
      "F: refers to 'Nowhere', which does not exist",
    ],
    [
      'flow across scopes',
      bpmn(
        `${start}<bpmn:subProcess id="Sub"><bpmn:startEvent id="SS" /><bpmn:task id="In" /></bpmn:subProcess>${flow('F', 'S', 'In')}`,
      ),
      'F: sequence flow connects',
    ],
    [
      'static condition',
      bpmn(
        `${start}<bpmn:exclusiveGateway id="G" /><bpmn:task id="A" /><bpmn:task id="B" />${flow('F0', 'S', 'G')}${flow('FA', 'G', 'A', 'x &gt; 1')}${flow('FB', 'G', 'B', '=not(x &gt; 1)')}`,
      ),
      "FA: condition 'x > 1' must be a FEEL expression",
    ],
    [
      'broken condition',
      bpmn(
        `${start}<bpmn:exclusiveGateway id="G" /><bpmn:task id="A" /><bpmn:task id="B" />${flow('F0', 'S', 'G')}${flow('FA', 'G', 'A', '=x &gt;')}${flow('FB', 'G', 'B', '=true')}`,
      ),
      "FA: condition '=x >' is not a valid FEEL expression",
    ],
    [
      'condition after a task',
      bpmn(`${start}<bpmn:task id="A" />${flow('F0', 'S', 'A', '=true')}`),
      'F0: sequence flow has a condition but leaves a startEvent',
    ],
    [
      'unconditioned non-default flow',
      bpmn(
        `${start}<bpmn:exclusiveGateway id="G" /><bpmn:task id="A" /><bpmn:task id="B" />${flow('F0', 'S', 'G')}${flow('FA', 'G', 'A', '=ok')}${flow('FB', 'G', 'B')}`,
      ),
      "FB: sequence flow leaves gateway 'G' without a condition",
    ],
    [
      'default flow not outgoing',
      bpmn(
        `${start}<bpmn:exclusiveGateway id="G" default="F0" /><bpmn:task id="A" />${flow('F0', 'S', 'G')}${flow('FA', 'G', 'A')}`,
      ),
      "G: default flow 'F0' is not an outgoing flow",
    ],
    [
      'conditioned default flow',
      bpmn(
        `${start}<bpmn:inclusiveGateway id="G" default="FA" /><bpmn:task id="A" /><bpmn:task id="B" />${flow('F0', 'S', 'G')}${flow('FA', 'G', 'A', '=a')}${flow('FB', 'G', 'B', '=b')}`,
      ),
      "G: default flow 'FA' has a condition",
    ],
    [
      'event-based gateway to a task',
      bpmn(
        `${start}<bpmn:eventBasedGateway id="G" /><bpmn:task id="A" />${timer('T', expr('timeDuration', 'PT1H'))}${flow('F0', 'S', 'G')}${flow('FA', 'G', 'A')}${flow('FT', 'G', 'T')}`,
      ),
      "G: event-based gateway leads to 'A'",
    ],
    [
      'send task without type',
      bpmn(`${start}<bpmn:sendTask id="Send" />`),
      'Send: send task has no zeebe:taskDefinition type',
    ],
    [
      'business rule task without decision',
      bpmn(`${start}<bpmn:businessRuleTask id="BR" />`),
      'BR: business rule task needs',
    ],
    [
      'script task without script',
      bpmn(`${start}<bpmn:scriptTask id="SC" />`),
      'SC: script task needs',
    ],
    [
      'script without result variable',
      bpmn(
        `${start}<bpmn:scriptTask id="SC"><bpmn:extensionElements><zeebe:script expression="=1" /></bpmn:extensionElements></bpmn:scriptTask>`,
      ),
      'SC: zeebe:script has no resultVariable',
    ],
    [
      'non-numeric retries',
      bpmn(
        `${start}<bpmn:serviceTask id="T"><bpmn:extensionElements><zeebe:taskDefinition type="x" retries="many" /></bpmn:extensionElements></bpmn:serviceTask>`,
      ),
      "T: zeebe:taskDefinition retries 'many'",
    ],
    [
      'broken FEEL job type',
      bpmn(
        `${start}<bpmn:serviceTask id="T"><bpmn:extensionElements><zeebe:taskDefinition type="=&#34;a&#34; +" /></bpmn:extensionElements></bpmn:serviceTask>`,
      ),
      'T: zeebe:taskDefinition type',
    ],
    [
      'message without name',
      bpmn(
        `${start}<bpmn:intermediateCatchEvent id="C"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>`,
      ),
      'C: intermediate catch event has no message name',
    ],
    [
      'message without correlation key',
      bpmn(
        `${start}<bpmn:receiveTask id="R" messageRef="M" />`,
        '<bpmn:message id="M" name="m" />',
      ),
      "R: message 'm' has no zeebe:subscription correlationKey",
    ],
    ['timer without value', bpmn(`${start}${timer('T', '')}`), 'T: timer needs exactly one of'],
    [
      'timer with two values',
      bpmn(
        `${start}${timer('T', expr('timeDate', '2026-01-01T00:00:00Z') + expr('timeDuration', 'PT1H'))}`,
      ),
      'T: timer needs exactly one of',
    ],
    [
      'timer date without offset',
      bpmn(`${start}${timer('T', expr('timeDate', '2026-01-01T09:00:00'))}`),
      "T: invalid timer value: '2026-01-01T09:00:00' has no UTC offset",
    ],
    [
      'bad timer duration',
      bpmn(`${start}${timer('T', expr('timeDuration', '5 minutes'))}`),
      'T: invalid timer value',
    ],
    [
      'bad cron',
      bpmn(`${timer('T', expr('timeCycle', '0 0 25 * * *'), 'startEvent')}`),
      'T: invalid timer value',
    ],
    [
      'cycle on a catch event',
      bpmn(`${start}${timer('T', expr('timeCycle', 'R/PT1H'))}`),
      'T: a time cycle is not allowed',
    ],
    [
      'broken FEEL timer',
      bpmn(`${start}${timer('T', expr('timeDuration', '=duration('))}`),
      'T: timer timeDuration',
    ],
    [
      'boundary on a gateway',
      bpmn(
        `${start}<bpmn:parallelGateway id="G" /><bpmn:boundaryEvent id="B" attachedToRef="G"><bpmn:timerEventDefinition>${expr('timeDuration', 'PT1H')}</bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
      ),
      "B: boundary event is attached to 'G', which is not an activity",
    ],
    [
      'non-interrupting error boundary',
      bpmn(
        `${start}<bpmn:task id="A" /><bpmn:boundaryEvent id="B" attachedToRef="A" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:endEvent id="E" />${flow('FB', 'B', 'E')}`,
      ),
      'B: error boundary event must be interrupting',
    ],
    [
      'boundary without outgoing flow',
      bpmn(
        `${start}<bpmn:task id="A" /><bpmn:boundaryEvent id="B" attachedToRef="A"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>`,
      ),
      'B: boundary event has no outgoing',
    ],
    [
      'error end event without code',
      bpmn(
        `${start}<bpmn:endEvent id="E"><bpmn:errorEventDefinition errorRef="Err" /></bpmn:endEvent>`,
        '<bpmn:error id="Err" name="e" />',
      ),
      'E: error end event has no error code',
    ],
    [
      'escalation throw without code',
      bpmn(`${start}<bpmn:endEvent id="E"><bpmn:escalationEventDefinition /></bpmn:endEvent>`),
      'E: escalation throw event has no escalation code',
    ],
    [
      'signal without name',
      bpmn(`${start}<bpmn:endEvent id="E"><bpmn:signalEventDefinition /></bpmn:endEvent>`),
      'E: signal event has no signal name',
    ],
    [
      'link throw without catch',
      bpmn(
        `${start}<bpmn:intermediateThrowEvent id="L"><bpmn:linkEventDefinition name="x" /></bpmn:intermediateThrowEvent>`,
      ),
      "L: link throw event 'x' has no link catch event",
    ],
    [
      'complex gateway',
      bpmn(`${start}<bpmn:complexGateway id="CG" />`),
      'CG: complex gateway is not supported by Camunda 8',
    ],
    [
      'transaction',
      bpmn(`${start}<bpmn:transaction id="TX" />`),
      'TX: transaction is not supported by Camunda 8',
    ],
    [
      'conditional event',
      bpmn(
        `${start}<bpmn:intermediateCatchEvent id="CE"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=x</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>`,
      ),
      'CE: a conditional intermediate catch event is not supported by Camunda 8',
    ],
    [
      'terminate intermediate event',
      bpmn(
        `${start}<bpmn:intermediateThrowEvent id="IT"><bpmn:terminateEventDefinition /></bpmn:intermediateThrowEvent>`,
      ),
      'IT: a terminate intermediate throw event is not supported',
    ],
    [
      'standard loop',
      bpmn(`${start}<bpmn:task id="A"><bpmn:standardLoopCharacteristics /></bpmn:task>`),
      'A: standard loop characteristics are not supported',
    ],
    [
      'multi-instance without collection',
      bpmn(`${start}<bpmn:task id="A"><bpmn:multiInstanceLoopCharacteristics /></bpmn:task>`),
      'A: multi-instance has no zeebe:loopCharacteristics inputCollection',
    ],
    [
      'multi-instance output without element',
      bpmn(
        `${start}<bpmn:task id="A"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=xs" outputCollection="ys" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:task>`,
      ),
      'A: multi-instance needs both outputCollection and outputElement',
    ],
    [
      'bad mapping target',
      bpmn(
        `${start}<bpmn:task id="A"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=1" target="a b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:task>`,
      ),
      "A: zeebe:input target 'a b'",
    ],
    [
      'broken FEEL mapping',
      bpmn(
        `${start}<bpmn:task id="A"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=a." target="b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:task>`,
      ),
      'A: zeebe:output source',
    ],
    [
      'two form references',
      bpmn(
        `${start}<bpmn:userTask id="U"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="a" externalReference="https://x" /></bpmn:extensionElements></bpmn:userTask>`,
      ),
      'U: zeebe:formDefinition needs exactly one',
    ],
    [
      'versionTag binding without tag',
      bpmn(
        `${start}<bpmn:callActivity id="CA"><bpmn:extensionElements><zeebe:calledElement processId="p" bindingType="versionTag" /></bpmn:extensionElements></bpmn:callActivity>`,
      ),
      'CA: zeebe:calledElement is bound by versionTag',
    ],
    [
      'call activity without process id',
      bpmn(`${start}<bpmn:callActivity id="CA" />`),
      'CA: call activity has no zeebe:calledElement processId',
    ],
    [
      'due date without offset',
      bpmn(
        `${start}<bpmn:userTask id="U"><bpmn:extensionElements><zeebe:userTask /><zeebe:taskSchedule dueDate="2026-01-01T10:00:00" /></bpmn:extensionElements></bpmn:userTask>`,
      ),
      'U: zeebe:taskSchedule dueDate',
    ],
    [
      'priority out of range',
      bpmn(
        `${start}<bpmn:userTask id="U"><bpmn:extensionElements><zeebe:userTask /><zeebe:priorityDefinition priority="101" /></bpmn:extensionElements></bpmn:userTask>`,
      ),
      "U: zeebe:priorityDefinition priority '101'",
    ],
    [
      'listener with bad event type',
      bpmn(
        `${start}<bpmn:task id="A"><bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="middle" type="x" /></zeebe:executionListeners></bpmn:extensionElements></bpmn:task>`,
      ),
      "A: zeebe:executionListener eventType 'middle'",
    ],
    [
      'embedded sub-process without start',
      bpmn(`${start}<bpmn:subProcess id="Sub"><bpmn:task id="In" /></bpmn:subProcess>`),
      'Sub: embedded sub-process needs exactly one none start event',
    ],
    [
      'event sub-process with none start',
      bpmn(
        `${start}<bpmn:subProcess id="Ev" triggeredByEvent="true"><bpmn:startEvent id="ES" /></bpmn:subProcess>`,
      ),
      'Ev: event sub-process needs exactly one start event with a trigger',
    ],
    [
      'error start outside event sub-process',
      bpmn(`<bpmn:startEvent id="ES"><bpmn:errorEventDefinition /></bpmn:startEvent>`),
      'ES: a error start event is only allowed in an event sub-process',
    ],
    [
      'start event in ad-hoc sub-process',
      bpmn(
        `${start}<bpmn:adHocSubProcess id="AH"><bpmn:startEvent id="AS" /></bpmn:adHocSubProcess>`,
      ),
      'AS: an ad-hoc sub-process may not contain start events',
    ],
    [
      'ad-hoc output collection without element',
      bpmn(
        `${start}<bpmn:adHocSubProcess id="AH"><bpmn:extensionElements><zeebe:adHoc outputCollection="results" /></bpmn:extensionElements><bpmn:task id="AT" /></bpmn:adHocSubProcess>`,
      ),
      'AH: ad-hoc sub-process needs both zeebe:adHoc outputCollection and outputElement',
    ],
    [
      'two message starts with one message',
      bpmn(
        `<bpmn:startEvent id="M1"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent><bpmn:startEvent id="M2"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>`,
        '<bpmn:message id="M" name="m" />',
      ),
      "M2: message start event uses message 'm' like 'M1'",
    ],
    [
      'unknown zeebe element',
      bpmn(
        `${start}<bpmn:task id="A"><bpmn:extensionElements><zeebe:magic /></bpmn:extensionElements></bpmn:task>`,
      ),
      '<zeebe:magic> at line 2',
    ],
    [
      'unknown attribute',
      bpmn(`${start}<bpmn:task id="A" colour="red" />`),
      "A: has attribute 'colour', which is not part of BPMN",
    ],
    [
      'malformed XML',
      `${HEAD}<bpmn:process id="P"></bpmn:definitions>`,
      'test.bpmn is not a readable BPMN XML document',
    ],
  ];

  it.each(cases)('should reject a model with %s', async (_name, xml, expected) => {
    // when
    const errors = await errorsOf(xml);

    // then
    expect(errors.join('\n')).toContain(expected);
  });
});
