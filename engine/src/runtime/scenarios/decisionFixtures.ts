import { bpmn, el } from '../../testing/bpmn';
import { dmnDecision, type TableSpec } from '../../testing/dmn';
import type { TestEngine } from '../../testing/TestEngine';

// Models shared by the DMN scenario files.
export const rule = (
  id: string,
  decisionId: string,
  resultVariable: string,
  ext = '',
  inner = '',
) =>
  `<bpmn:businessRuleTask id="${id}"><bpmn:extensionElements><zeebe:calledDecision decisionId="${decisionId}" resultVariable="${resultVariable}" ${ext} />${inner}</bpmn:extensionElements></bpmn:businessRuleTask>`;

/** start → the given business rule tasks in a row → end. */
export const chain = (processId: string, tasks: string[]) => {
  const ids = tasks.map((t) => /id="([^"]+)"/.exec(t)![1]!);
  const path = ['s', ...ids, 'e'];
  return bpmn(
    processId,
    [el.start('s'), ...tasks, el.end('e')],
    path.slice(1).map((target, i) => [path[i]!, target] as [string, string]),
  );
};

export const fees = (hitPolicy: TableSpec['hitPolicy'], aggregation?: TableSpec['aggregation']) =>
  dmnDecision.table(
    `fee_${(hitPolicy ?? 'UNIQUE').replace(' ', '_')}${aggregation ? `_${aggregation}` : ''}`,
    {
      hitPolicy,
      ...(aggregation ? { aggregation } : {}),
      inputs: ['age'],
      outputs: [{ name: 'fee', values: '10, 30, 0' }],
      rules: [
        [['< 18'], ['0']],
        [['>= 18'], ['30']],
        [['>= 65'], ['10']],
      ],
    },
  );

export async function decisionEvents(t: TestEngine, processInstanceKey: number) {
  return (await t.events(processInstanceKey)).filter((e) => e.valueType === 'DECISION_EVALUATION');
}
