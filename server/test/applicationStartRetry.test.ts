import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationRow } from '../src/applications/applicationQueries';
import { startTestBalcao, type TestBalcao } from './balcaoHarness';
import { eventually } from './eventually';

// A start can create the process instance and die before recording its key. The retry must
// adopt that instance (never start the procedure twice) and, if it already ended, close the
// application: the inbox sync follows ended instances by end date and has gone past it.

const model = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d_${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="m_${id}" name="retry-test-wake"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseRef" /></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

/** Waits for a message, so its instance stays active. */
const waiting = model(
  'retry-waiting',
  `<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
   <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m_retry-waiting" /></bpmn:intermediateCatchEvent>
   <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" /><bpmn:endEvent id="end" />`,
);
/** Ends as soon as it starts. */
const instant = model(
  'retry-instant',
  `<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
   <bpmn:endEvent id="end" />`,
);

interface Instance {
  processInstanceKey: string;
  state: string;
  endDate?: string;
}

describe('retrying an application start whose key was lost', { timeout: 120_000 }, () => {
  let t: TestBalcao;
  let sequence = 0;

  beforeAll(async () => {
    t = await startTestBalcao();
    await t.camunda.getZeebeGrpcApiClient().deployResources([
      { name: 'retry-waiting.bpmn', process: Buffer.from(waiting) },
      { name: 'retry-instant.bpmn', process: Buffer.from(instant) },
    ]);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  }, 60_000);

  /** An application whose first attempt created its instance but never recorded the key. */
  const interruptedStart = async (processId: string) => {
    const number = `2026-DSI-9${String(++sequence).padStart(5, '0')}`;
    const { rows } = await t.balcao.db.query<ApplicationRow>(
      `insert into application (id, number, process_id, agency, current_agency, owner_account_id,
          owner_login, status, data, language, submitted_at)
       values ($1, $2, $3, 'DSI', 'DSI', 'citizen', 'citizen', 'starting', '{}', 'en',
               now() - interval '1 minute')
       returning *`,
      [randomUUID(), number, processId],
    );
    const created = await t.camunda.getZeebeGrpcApiClient().createProcessInstance({
      bpmnProcessId: processId,
      variables: { caseRef: number, applicantAccount: 'citizen', language: 'en' },
    });
    return { app: rows[0]!, instanceKey: String(created.processInstanceKey) };
  };

  const instancesOf = async (processId: string, number: string) =>
    (
      (await t.camunda.getCamundaRestClient().searchProcessInstances({
        filter: {
          processDefinitionId: processId,
          variables: [{ name: 'caseRef', value: JSON.stringify(number) }],
        },
        sort: [{ field: 'processInstanceKey', order: 'ASC' }],
      })) as unknown as { items: Instance[] }
    ).items;

  /** The row once a retry has run (this call's, or the node's own timer's). */
  const retried = async (app: ApplicationRow) => {
    await t.balcao.retryPendingStarts();
    return eventually('the retried start', async () => {
      const { rows } = await t.balcao.db.query<ApplicationRow>(
        `select * from application where id = $1 and status <> 'starting'`,
        [app.id],
      );
      return rows[0];
    });
  };

  it('should record the instance the interrupted start created instead of a second one', async () => {
    // given
    const { app, instanceKey } = await interruptedStart('retry-waiting');

    // when
    const row = await retried(app);

    // then
    expect(row).toMatchObject({ instance_key: instanceKey, status: 'submitted', closed_at: null });
    expect(await instancesOf('retry-waiting', app.number)).toEqual([
      expect.objectContaining({ processInstanceKey: instanceKey, state: 'ACTIVE' }),
    ]);
  });

  it('should close the application at once when that instance has already ended', async () => {
    // given an instance that ended before the inbox sync's window on ended instances
    const { app, instanceKey } = await interruptedStart('retry-instant');
    const [ended] = await instancesOf('retry-instant', app.number);
    expect(ended).toMatchObject({ processInstanceKey: instanceKey, state: 'COMPLETED' });
    const later = new Date(Date.parse(ended!.endDate!) + 60_000).toISOString();
    await t.balcao.db.query(
      `insert into sync_cursor (name, value) values ('ended-instances', $1)
       on conflict (name) do update set value = greatest(sync_cursor.value, excluded.value)`,
      [later],
    );

    // when
    await retried(app);

    // then
    const closed = await eventually('the application closed', async () => {
      const { rows } = await t.balcao.db.query<ApplicationRow>(
        'select * from application where id = $1 and closed_at is not null',
        [app.id],
      );
      return rows[0];
    });
    expect(closed).toMatchObject({ instance_key: instanceKey, status: 'completed' });
    expect(closed.closed_at?.toISOString()).toBe(ended!.endDate);
    expect(await instancesOf('retry-instant', app.number)).toHaveLength(1);
  });
});
