import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from './parseBpmn';
import { formatModelError } from './ModelError';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseBpmn', () => {
  it('should compile every element kind of a Camunda 8 model', async () => {
    // given
    const xml = await fixture('all-elements.bpmn');

    // when
    const result = await parseBpmn(xml, 'all-elements.bpmn');

    // then
    if (!result.ok) throw new Error(result.errors.map(formatModelError).join('\n'));
    expect(result.processes).toHaveLength(1);
    expect(result.warnings).toEqual(["process 'draft' is not executable and was not deployed"]);
    const process = result.processes[0]!;
    const el = process.elements;
    expect(process).toMatchObject({
      bpmnProcessId: 'renew-id-card',
      name: 'Renew ID card',
      versionTag: '2026.1',
      rootScopeId: 'renew-id-card',
      properties: { 'balcao:service': 'DSI-001' },
      startEvents: {
        none: 'Start_None',
        message: ['Start_Message'],
        timer: ['Start_Timer'],
        signal: ['Start_Signal'],
        eventSubProcess: ['Withdraw_Start'],
      },
    });
    expect(JSON.parse(JSON.stringify(process))).toEqual(process);
    expect(new Set(Object.values(el).map((e) => e.kind))).toEqual(
      new Set([
        'startEvent',
        'endEvent',
        'intermediateCatchEvent',
        'intermediateThrowEvent',
        'boundaryEvent',
        'serviceTask',
        'sendTask',
        'businessRuleTask',
        'scriptTask',
        'userTask',
        'receiveTask',
        'manualTask',
        'task',
        'exclusiveGateway',
        'inclusiveGateway',
        'parallelGateway',
        'eventBasedGateway',
        'subProcess',
        'adHocSubProcess',
        'callActivity',
      ]),
    );
    expect(el['Verify']).toMatchObject({
      kind: 'serviceTask',
      name: 'Verify identity',
      scopeId: 'renew-id-card',
      incoming: ['Flow_5'],
      outgoing: ['Flow_6'],
      boundaryEventIds: ['Verify_Timeout', 'Verify_Undo', 'Verify_Failed'],
      job: {
        type: { kind: 'static', value: 'civil-registry:verify-person' },
        retries: { kind: 'static', value: '5' },
        headers: { endpoint: '/persons', 'balcao:milestone:zh-Hant': '核實身份' },
      },
      inputMappings: [
        { source: { kind: 'feel', source: 'applicant.idNumber' }, target: 'request.idNumber' },
        { source: { kind: 'static', value: 'MO' }, target: 'request.country' },
      ],
      outputMappings: [
        { source: { kind: 'feel', source: 'response.valid' }, target: 'identityValid' },
      ],
      properties: {
        'balcao:milestone:zh-Hant': '核實身份',
        'balcao:milestone:pt': 'Verificação de identidade',
      },
      executionListeners: [
        {
          eventType: 'start',
          type: { kind: 'static', value: 'audit:start' },
          retries: { kind: 'static', value: '2' },
        },
        {
          eventType: 'end',
          type: { kind: 'feel', source: '"audit:" + stage' },
          retries: { kind: 'static', value: '3' },
        },
      ],
    });
    expect(el['Verify_Timeout']).toMatchObject({
      kind: 'boundaryEvent',
      attachedToId: 'Verify',
      interrupting: false,
      eventDefinition: {
        type: 'timer',
        timer: { kind: 'cycle', expression: { kind: 'static', value: 'R3/PT1H' } },
      },
    });
    expect(el['Verify_Failed']).toMatchObject({
      interrupting: true,
      eventDefinition: { type: 'error' },
    });
    expect(el['Verify_Failed']).not.toHaveProperty('eventDefinition.errorCode');
    expect(el['End_Rejected']).toMatchObject({
      eventDefinition: { type: 'error', errorCode: 'REJECTED' },
    });
    expect(el['End_Terminate']).toMatchObject({ eventDefinition: { type: 'terminate' } });
    expect(el['Decide']).toMatchObject({ kind: 'exclusiveGateway', defaultFlowId: 'Flow_Invalid' });
    expect(process.flows['Flow_Valid']).toEqual({
      id: 'Flow_Valid',
      name: 'valid',
      sourceId: 'Decide',
      targetId: 'Fork',
      condition: 'identityValid = true',
    });
    expect(el['Review']).toMatchObject({
      kind: 'userTask',
      userTask: {
        camunda: true,
        assignee: { kind: 'feel', source: 'reviewer' },
        candidateGroups: { kind: 'static', value: 'dsi-clerks, dsi-approvers' },
        dueDate: { kind: 'feel', source: 'now() + duration("P3D")' },
        followUpDate: { kind: 'static', value: '2026-05-01T09:00:00+08:00' },
        priority: { kind: 'static', value: '75' },
        form: { formId: 'review-form', bindingType: 'versionTag', versionTag: 'v2' },
        taskListeners: [
          { eventType: 'completing', type: { kind: 'static', value: 'review-check' } },
        ],
      },
      multiInstance: {
        isSequential: true,
        inputCollection: 'reviewers',
        inputElement: 'reviewer',
        outputCollection: 'reviews',
        outputElement: 'review',
        completionCondition: 'review.rejected = true',
      },
    });
    expect(el['Review']).not.toHaveProperty('job');
    expect(el['Legacy_Review']).toMatchObject({
      userTask: {
        camunda: false,
        form: { formKey: 'camunda-forms:bpmn:Form_1', bindingType: 'latest' },
      },
      job: {
        type: { kind: 'static', value: 'io.camunda.zeebe:userTask' },
        headers: {
          'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:Form_1',
          'io.camunda.zeebe:assignee': 'chan',
          'io.camunda.zeebe:candidateGroups': '["clerks","supervisors"]',
        },
      },
    });
    expect(el['Compute_Fee']).toMatchObject({
      script: { expression: 'if urgent then 200 else 100', resultVariable: 'fee' },
    });
    expect(el['Eligibility']).toMatchObject({
      calledDecision: {
        decisionId: { kind: 'static', value: 'eligibility' },
        resultVariable: 'eligible',
        bindingType: 'latest',
      },
    });
    expect(el['Docs_Received']).toMatchObject({
      eventDefinition: {
        type: 'message',
        messageName: { kind: 'static', value: 'documents-submitted' },
        correlationKey: { kind: 'feel', source: 'applicationId' },
      },
    });
    expect(el['Docs_Timeout']).toMatchObject({
      eventDefinition: {
        type: 'timer',
        timer: { kind: 'duration', expression: { kind: 'feel', source: 'deadline' } },
      },
    });
    expect(el['Withdrawn']).toMatchObject({
      kind: 'receiveTask',
      eventDefinition: { messageName: { kind: 'feel', source: '"withdraw-" + kind' } },
    });
    expect(el['Throw_Signal']).toMatchObject({
      eventDefinition: { type: 'signal', signalName: { kind: 'static', value: 'office-closed' } },
    });
    expect(el['Throw_Escalation']).toMatchObject({
      eventDefinition: { type: 'escalation', escalationCode: 'LATE' },
    });
    expect(el['Throw_Message']).toMatchObject({
      job: { type: { kind: 'static', value: 'publish' } },
    });
    expect(el['Throw_Compensation']).toMatchObject({
      eventDefinition: { type: 'compensation', activityRef: 'Verify' },
    });
    expect(el['Verify_Undo']).toMatchObject({ compensationHandlerId: 'Undo_Verify' });
    expect(el['Undo_Verify']).toMatchObject({ kind: 'serviceTask', forCompensation: true });
    expect(el['Catch_Link']).toMatchObject({
      eventDefinition: { type: 'link', linkName: 'to-payment' },
    });
    expect(el['Payment']).toMatchObject({
      kind: 'subProcess',
      triggeredByEvent: false,
      childIds: ['Pay_Start', 'Pay_Call', 'Pay_End'],
      starts: { none: 'Pay_Start', eventSubProcessStartIds: [] },
    });
    expect(el['Pay_Call']).toMatchObject({
      scopeId: 'Payment',
      calledElement: {
        processId: { kind: 'static', value: 'payment' },
        propagateAllChildVariables: false,
        propagateAllParentVariables: true,
        bindingType: 'latest',
      },
    });
    expect(process.flows['Flow_S1']).toMatchObject({ sourceId: 'Pay_Start', targetId: 'Pay_Call' });
    expect(el['Checks']).toMatchObject({
      kind: 'adHocSubProcess',
      childIds: ['Check_A', 'Check_B'],
      activeElementsCollection: 'checks',
      cancelRemainingInstances: true,
    });
    expect(el['On_Withdraw']).toMatchObject({ kind: 'subProcess', triggeredByEvent: true });
    expect(el['Withdraw_Start']).toMatchObject({ interrupting: false, scopeId: 'On_Withdraw' });
  });

  it('should collect every error of a document, naming element id and name', async () => {
    // given
    const xml = await fixture('invalid.bpmn');

    // when
    const result = await parseBpmn(xml, 'invalid.bpmn');
    const errors = result.ok ? [] : result.errors.map(formatModelError);

    // then
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe(
      'Activity_1 "Verify identity": service task has no zeebe:taskDefinition type: set the job type its worker polls for (e.g. civil-registry:verify-person)',
    );
    expect(errors[1]).toMatch(
      /^Script_1: zeebe:script expression '=a \+' is not a valid FEEL expression \(.*position/,
    );
  });
});
