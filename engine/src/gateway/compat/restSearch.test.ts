import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { restCall } from './restCall';
import { startTestGateway, type TestGateway } from './startTestGateway';

const triage = (priority: number) =>
  bpmn(
    'triage',
    [
      el.start('start'),
      el.user(
        'sort',
        `<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="=groups" /><zeebe:priorityDefinition priority="=${priority}" />`,
      ),
      el.end('end'),
    ],
    [
      ['start', 'sort'],
      ['sort', 'end'],
    ],
  );

/**
 * Ends on its own: a script sets `stamp` in its own scope only (input mapping), and another
 * renames the case of `T-2` (a root variable updated after it was first written).
 */
const filing = bpmn(
  'filing',
  [
    el.start('start'),
    `<bpmn:scriptTask id="stamp"><bpmn:extensionElements>${el.io([['="received"', 'stamp']])}<zeebe:script expression="=stamp" resultVariable="stampResult" /></bpmn:extensionElements></bpmn:scriptTask>`,
    el.script('rename', '=if taskRef = "T-2" then "2026-DSI-000125" else caseRef', 'caseRef'),
    el.end('end'),
  ],
  [
    ['start', 'stamp'],
    ['stamp', 'rename'],
    ['rename', 'end'],
  ],
);

describe(`/v2 searches (${testDatabaseKind})`, { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let definitionKey: number;

  beforeEach(async () => {
    gateway = await startTestGateway();
    const deployed = await gateway.engine.deploy([
      { name: 'triage.bpmn', content: Buffer.from(triage(60)) },
    ]);
    definitionKey = deployed.processes[0]!.key;
    for (const groups of [['dsf'], ['dsi'], ['dsf', 'dsi']])
      await gateway.engine.createProcessInstance({
        bpmnProcessId: 'triage',
        variables: { groups },
      });
  }, 60_000);

  afterEach(async () => {
    await gateway.close();
  }, 60_000);

  it('should filter by candidate group with $in and page in key order', async () => {
    // when
    const first = await restCall(gateway, 'POST', '/v2/user-tasks/search', {
      filter: { candidateGroup: { $in: ['dsi'] }, priority: { $gte: 50 } },
      page: { from: 0, limit: 1 },
    });
    const second = await restCall(gateway, 'POST', '/v2/user-tasks/search', {
      filter: { candidateGroup: { $in: ['dsi'] } },
      page: { from: 1, limit: 1 },
    });

    // then
    expect(first.body.page).toEqual({ totalItems: 2 });
    const items = [first.body.items, second.body.items].flat() as { candidateGroups: string[] }[];
    expect(items.map((t) => t.candidateGroups)).toEqual([['dsi'], ['dsf', 'dsi']]);
  });

  it('should answer 400 naming an unsupported filter field', async () => {
    // when
    const refused = await restCall(gateway, 'POST', '/v2/user-tasks/search', {
      filter: { tags: ['urgent'] },
    });

    // then
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ title: 'INVALID_ARGUMENT', status: 400 });
    expect(refused.body.detail).toContain("'tags'");
  });

  it('should answer 400 naming an unknown top-level field of a search', async () => {
    // when
    const refused = await restCall(gateway, 'POST', '/v2/process-instances/search', {
      filters: { state: 'ACTIVE' },
    });

    // then
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain("'filters'");
  });

  it('should find active instances of a definition, sorted, and serve its XML', async () => {
    // when
    const found = await restCall(gateway, 'POST', '/v2/process-instances/search', {
      filter: { processDefinitionKey: String(definitionKey), state: 'ACTIVE' },
      sort: [{ field: 'processInstanceKey', order: 'desc' }],
    });
    const xml = await restCall(gateway, 'GET', `/v2/process-definitions/${definitionKey}/xml`);

    // then
    expect(found.body.page).toEqual({ totalItems: 3 });
    const keys = (found.body.items as { processInstanceKey: string }[]).map((i) =>
      Number(i.processInstanceKey),
    );
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    expect(xml.contentType).toContain('text/xml');
    expect(xml.body.text).toContain('<bpmn:process id="triage"');
  });

  it('should find instances by a root-scope variable at its latest value, finished ones too', async () => {
    // given
    await gateway.engine.deploy([{ name: 'filing.bpmn', content: Buffer.from(filing) }]);
    const filed = async (caseRef: string, taskRef: string) =>
      (
        await gateway.engine.createProcessInstance({
          bpmnProcessId: 'filing',
          variables: { caseRef, taskRef, fee: 1.5 },
        })
      ).processInstanceKey;
    const finished = await filed('2026-DSI-000123', 'T-1');
    const other = await filed('2026-DSI-000124', 'T-2');
    const waiting = await gateway.engine.createProcessInstance({
      bpmnProcessId: 'triage',
      variables: { groups: ['dsi'], caseRef: '2026-DSI-000123' },
    });
    const byCaseRef = (value: unknown, extra: Record<string, unknown> = {}) =>
      restCall(gateway, 'POST', '/v2/process-instances/search', {
        filter: { variables: [{ name: 'caseRef', value }], ...extra },
      });
    const keysOf = (found: { body: Record<string, unknown> }) =>
      (found.body.items as { processInstanceKey: string }[]).map((i) => i.processInstanceKey);

    // when
    const both = await byCaseRef('"2026-DSI-000123"');
    const filingOnly = await byCaseRef(
      { $in: ['"2026-DSI-000123"', '"2026-DSI-000999"'] },
      { processDefinitionId: 'filing' },
    );
    const twoVariables = await restCall(gateway, 'POST', '/v2/process-instances/search', {
      filter: {
        variables: [
          { name: 'caseRef', value: { $eq: '"2026-DSI-000123"' } },
          { name: 'fee', value: '1.50' },
        ],
      },
    });
    const renamedFrom = await byCaseRef('"2026-DSI-000124"');
    const renamedTo = await byCaseRef('"2026-DSI-000125"');
    const localOnly = await restCall(gateway, 'POST', '/v2/process-instances/search', {
      filter: { variables: [{ name: 'stamp', value: '"received"' }] },
    });

    // then
    expect(keysOf(both).sort()).toEqual([String(finished), String(waiting.processInstanceKey)]);
    expect(keysOf(filingOnly)).toEqual([String(finished)]);
    expect(filingOnly.body.items).toMatchObject([{ state: 'COMPLETED' }]);
    expect(keysOf(twoVariables)).toEqual([String(finished)]);
    expect(renamedFrom.body.page).toEqual({ totalItems: 0 });
    expect(keysOf(renamedTo)).toEqual([String(other)]);
    expect(localOnly.body.page).toEqual({ totalItems: 0 });
  });

  it('should answer 400 for a variables filter that is not a list of JSON texts', async () => {
    // when
    const shapes = await Promise.all(
      [
        { variables: { caseRef: '"x"' } },
        { variables: [{ name: 'caseRef', value: { $like: '"x*"' } }] },
        { variables: [{ name: 'caseRef', value: '2026-DSI-000123' }] },
      ].map((filter) => restCall(gateway, 'POST', '/v2/process-instances/search', { filter })),
    );

    // then
    expect(shapes.map((r) => r.status)).toEqual([400, 400, 400]);
    expect(shapes[2]!.body.detail).toContain("'caseRef'");
  });

  it('should answer problem details for an unknown key and an unknown endpoint', async () => {
    // when
    const unknownTask = await restCall(gateway, 'GET', '/v2/user-tasks/2251799813999999');
    const unknownPath = await restCall(gateway, 'POST', '/v2/decision-definitions/search', {});

    // then
    expect(unknownTask.status).toBe(404);
    expect(unknownTask.body).toMatchObject({
      title: 'NOT_FOUND',
      instance: '/v2/user-tasks/2251799813999999',
    });
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.contentType).toContain('application/problem+json');
  });
});
