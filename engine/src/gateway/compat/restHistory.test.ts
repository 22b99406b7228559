import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { restCall } from './restCall';
import { startTestGateway, type TestGateway } from './startTestGateway';

// Camunda 8.8's element instance and variable searches over finished work: what the monitor
// shows of an instance's history (derived from the event log, ADR 0009).

const review = bpmn(
  'history-review',
  [el.start('start'), el.service('check', 'history-check'), el.end('end')],
  [
    ['start', 'check'],
    ['check', 'end'],
  ],
);

interface Element {
  elementInstanceKey: string;
  elementId: string;
  type: string;
  state: string;
  startDate?: string;
  endDate?: string;
  hasIncident: boolean;
  incidentKey?: string;
}

interface Variable {
  variableKey: string;
  name: string;
  value: string;
  isTruncated: boolean;
  scopeKey: string;
}

describe(`/v2 history searches (${testDatabaseKind})`, { timeout: 60_000 }, () => {
  let gateway: TestGateway;

  beforeEach(async () => {
    gateway = await startTestGateway();
    await gateway.engine.deploy([{ name: 'review.bpmn', content: Buffer.from(review) }]);
  }, 60_000);

  afterEach(async () => {
    await gateway.close();
  }, 60_000);

  const start = async (variables: Record<string, unknown> = {}) =>
    (await gateway.engine.createProcessInstance({ bpmnProcessId: 'history-review', variables }))
      .processInstanceKey;

  const workOn = async (complete: Record<string, unknown> | 'fail') => {
    const [job] = await gateway.engine.activateJobs({
      type: 'history-check',
      worker: 'test',
      timeout: 30_000,
      maxJobsToActivate: 1,
      fetchVariable: [],
    });
    if (!job) throw new Error('no job to work on');
    if (complete === 'fail')
      await gateway.engine.failJob({ jobKey: job.key, retries: 0, errorMessage: 'down' });
    else await gateway.engine.completeJob(job.key, complete);
  };

  const elements = async (filter: Record<string, unknown>, sort?: unknown) => {
    const found = await restCall(gateway, 'POST', '/v2/element-instances/search', {
      filter,
      sort,
    });
    expect(found.status).toBe(200);
    return found.body as { items: Element[]; page: { totalItems: number } };
  };

  it('should list a completed instance element by element, with start and end dates', async () => {
    // given
    const key = await start();
    await workOn({ approved: true });

    // when
    const found = await elements({ processInstanceKey: String(key) }, [
      { field: 'startDate', order: 'ASC' },
    ]);

    // then
    expect(found.items.map((e) => [e.elementId, e.type, e.state])).toEqual([
      ['history-review', 'PROCESS', 'COMPLETED'],
      ['start', 'START_EVENT', 'COMPLETED'],
      ['check', 'SERVICE_TASK', 'COMPLETED'],
      ['end', 'END_EVENT', 'COMPLETED'],
    ]);
    for (const e of found.items) {
      expect(Date.parse(e.endDate!)).toBeGreaterThanOrEqual(Date.parse(e.startDate!));
      expect(e.hasIncident).toBe(false);
    }
    expect(found.page.totalItems).toBe(4);
  });

  it('should tell active, completed and terminated elements apart and filter by state', async () => {
    // given: one instance waits at the task, another was cancelled there
    const waiting = await start();
    const cancelled = await start();
    await gateway.engine.cancelProcessInstance(cancelled);

    // when
    const open = await elements({ processInstanceKey: String(waiting) });
    const terminated = await elements({
      processInstanceKey: { $in: [String(waiting), String(cancelled)] },
      state: 'TERMINATED',
    });

    // then
    expect(open.items.map((e) => [e.elementId, e.state])).toEqual([
      ['history-review', 'ACTIVE'],
      ['start', 'COMPLETED'],
      ['check', 'ACTIVE'],
    ]);
    const check = open.items.find((e) => e.elementId === 'check')!;
    expect(check.startDate).toBeDefined();
    expect(check.endDate).toBeUndefined();
    expect(terminated.items.map((e) => e.elementId).sort()).toEqual(['check', 'history-review']);
    expect(terminated.items.every((e) => e.endDate !== undefined)).toBe(true);
  });

  it('should answer the same active elements with and without a process instance', async () => {
    // given
    const key = await start();

    // when: the live rows answer the first, the log the second
    const live = await elements({ state: 'ACTIVE', elementId: 'check' });
    const logged = await elements({
      state: 'ACTIVE',
      elementId: 'check',
      processInstanceKey: String(key),
    });

    // then
    expect(live.items).toHaveLength(1);
    expect(live.items).toEqual(logged.items);
  });

  it('should mark the element with an open incident and find it by hasIncident', async () => {
    // given
    const key = await start();
    await workOn('fail');

    // when
    const found = await elements({ processInstanceKey: String(key), hasIncident: true });
    const live = await elements({ state: 'ACTIVE', hasIncident: true });

    // then
    expect(found.items.map((e) => e.elementId)).toEqual(['check']);
    expect(found.items[0]!.incidentKey).toMatch(/^\d+$/);
    expect(live.items).toEqual(found.items);
  });

  it('should filter finished elements by end date', async () => {
    // given
    const key = await start();
    await workOn({});
    const [check] = (await elements({ processInstanceKey: String(key), elementId: 'check' })).items;

    // when
    const after = await elements({
      processInstanceKey: String(key),
      endDate: { $gt: check!.endDate },
    });
    const upTo = await elements({
      processInstanceKey: String(key),
      endDate: { $lte: check!.endDate },
      type: 'SERVICE_TASK',
    });

    // then
    expect(after.items.every((e) => Date.parse(e.endDate!) > Date.parse(check!.endDate!))).toBe(
      true,
    );
    expect(upTo.items.map((e) => e.elementId)).toEqual(['check']);
  });

  it('should keep the variables of a finished instance at their last value', async () => {
    // given: the worker changes one variable, then the instance ends (its rows are gone)
    const key = await start({ caseRef: 'A-1', fee: 10 });
    await workOn({ fee: 25, approved: true });

    // when
    const found = await restCall(gateway, 'POST', '/v2/variables/search', {
      filter: { processInstanceKey: String(key) },
      sort: [{ field: 'name', order: 'ASC' }],
    });

    // then
    expect(found.status).toBe(200);
    const items = (found.body as { items: Variable[] }).items;
    expect(items.map((v) => [v.name, v.value, v.isTruncated])).toEqual([
      ['approved', 'true', false],
      ['caseRef', '"A-1"', false],
      ['fee', '25', false],
    ]);
    expect(items.every((v) => v.scopeKey === String(key))).toBe(true);
  });

  it('should truncate long values unless asked not to, and serve one in full by key', async () => {
    // given
    const long = 'x'.repeat(10_000);
    const key = await start({ letter: long });

    // when
    const search = (query = '') =>
      restCall(gateway, 'POST', `/v2/variables/search${query}`, {
        filter: { processInstanceKey: String(key), name: 'letter' },
      });
    const truncated = (await search()).body as { items: Variable[] };
    const full = (await search('?truncateValues=false')).body as { items: Variable[] };
    const one = await restCall(gateway, 'GET', `/v2/variables/${truncated.items[0]!.variableKey}`);

    // then
    expect(truncated.items[0]).toMatchObject({ isTruncated: true });
    expect(truncated.items[0]!.value).toHaveLength(8191);
    expect(full.items[0]).toMatchObject({ isTruncated: false, value: JSON.stringify(long) });
    expect(one.body).toMatchObject({ name: 'letter', value: JSON.stringify(long) });
  });

  it('should answer 400 naming an unsupported field or parameter and 404 an unknown variable', async () => {
    // when
    const badFilter = await restCall(gateway, 'POST', '/v2/variables/search', {
      filter: { colour: 'red' },
    });
    const badSort = await restCall(gateway, 'POST', '/v2/element-instances/search', {
      sort: [{ field: 'colour' }],
    });
    const badParam = await restCall(
      gateway,
      'POST',
      '/v2/variables/search?truncateValues=maybe',
      {},
    );
    const unknown = await restCall(gateway, 'GET', '/v2/variables/2251799813999999');

    // then
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.detail).toContain("'colour'");
    expect(badSort.status).toBe(400);
    expect(badSort.body.detail).toContain("'colour'");
    expect(badParam.status).toBe(400);
    expect(badParam.body.detail).toContain('truncateValues');
    expect(unknown.status).toBe(404);
  });
});
