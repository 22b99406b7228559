/** The process shapes every engine in the benchmark runs: Camunda 8 BPMN plus a plain-BPMN twin. */
export interface Shape {
  id: string;
  title: string;
  /** For Balcão (zeebe:taskDefinition type `bench-step`). */
  zeebe: string;
  /** For bpmn-engine (each service task calls `environment.services.step`). */
  plain: string;
  /** Service tasks one instance runs (the choice takes the fee path: `waived` is false). */
  steps: number;
}

type Node = { id: string; kind: 'start' | 'end' | 'task' | 'xor' | 'and' };

function model(id: string, nodes: Node[], flows: [string, string, string?][], zeebe: boolean) {
  const ns = zeebe ? ' xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"' : '';
  const element = (n: Node) => {
    switch (n.kind) {
      case 'start':
        return `<startEvent id="${n.id}" />`;
      case 'end':
        return `<endEvent id="${n.id}" />`;
      case 'xor':
        return `<exclusiveGateway id="${n.id}" default="${n.id}-default" />`;
      case 'and':
        return `<parallelGateway id="${n.id}" />`;
      case 'task':
        return zeebe
          ? `<serviceTask id="${n.id}"><extensionElements><zeebe:taskDefinition type="bench-step" /></extensionElements></serviceTask>`
          : `<serviceTask id="${n.id}" implementation="\${environment.services.step}" />`;
    }
  };
  const flow = ([from, to, condition]: [string, string, string?], i: number) => {
    const flowId = condition === 'default' ? `${from}-default` : `f${i}`;
    const body =
      condition && condition !== 'default'
        ? `<conditionExpression xsi:type="tFormalExpression">${zeebe ? `=${condition}` : `\${environment.variables.${condition}}`}</conditionExpression>`
        : '';
    return `<sequenceFlow id="${flowId}" sourceRef="${from}" targetRef="${to}">${body}</sequenceFlow>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${ns} id="${id}-defs" targetNamespace="http://balcao.example/bench">
  <process id="${id}" isExecutable="true">
    ${nodes.map(element).join('\n    ')}
    ${flows.map(flow).join('\n    ')}
  </process>
</definitions>`;
}

function shape(
  id: string,
  title: string,
  steps: number,
  nodes: Node[],
  flows: [string, string, string?][],
): Shape {
  return {
    id,
    title,
    steps,
    zeebe: model(id, nodes, flows, true),
    plain: model(id, nodes, flows, false),
  };
}

const task = (id: string): Node => ({ id, kind: 'task' });

/** (a) start → service task → end. */
export const oneTask = shape(
  'bench-one-task',
  'start → service task → end',
  1,
  [{ id: 's', kind: 'start' }, task('work'), { id: 'e', kind: 'end' }],
  [
    ['s', 'work'],
    ['work', 'e'],
  ],
);

/**
 * (b) P1-shaped: ten service tasks as the criminal record certificate runs them (verify the
 * applicant, check records, a choice, payment and two checks in parallel, issue, notify).
 */
export const p1Shaped = shape(
  'bench-p1-shaped',
  'P1-shaped: 10 service tasks (9 on the path taken), a choice, a parallel split and join',
  9,
  [
    { id: 's', kind: 'start' },
    ...['verify', 'records', 'courts', 'review'].map(task),
    { id: 'choice', kind: 'xor' },
    task('waive'),
    task('fee'),
    { id: 'split', kind: 'and' },
    task('pay'),
    task('police'),
    { id: 'join', kind: 'and' },
    task('issue'),
    task('notify'),
    { id: 'e', kind: 'end' },
  ],
  [
    ['s', 'verify'],
    ['verify', 'records'],
    ['records', 'courts'],
    ['courts', 'review'],
    ['review', 'choice'],
    ['choice', 'waive', 'waived'],
    ['choice', 'fee', 'default'],
    ['waive', 'issue'],
    ['fee', 'split'],
    ['split', 'pay'],
    ['split', 'police'],
    ['pay', 'join'],
    ['police', 'join'],
    ['join', 'issue'],
    ['issue', 'notify'],
    ['notify', 'e'],
  ],
);
