import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZBClient } from 'zeebe-node';
import { testDatabaseKind } from '@balcao/platform/testing';
import { bpmn, el } from '../../testing/bpmn';
import { restCall } from './restCall';
import { eventually, startTestGateway, type TestGateway } from './startTestGateway';

const fees = bpmn(
  'fees',
  [el.start('start'), el.service('add', 'add-fees'), el.end('end')],
  [
    ['start', 'add'],
    ['add', 'end'],
  ],
);

const birth = bpmn(
  'birth',
  [
    el.start('start'),
    el.service('register', 'register-birth'),
    el.boundaryError('duplicate', 'register', 'Err_Dup'),
    el.messageCatch('hospital', 'Msg_Hospital'),
    el.end('registered'),
    el.end('rejected'),
  ],
  [
    ['start', 'register'],
    ['register', 'hospital'],
    ['hospital', 'registered'],
    ['duplicate', 'rejected'],
  ],
  `${el.error('Err_Dup', 'DUPLICATE')}${el.message('Msg_Hospital', 'hospital-confirmed', '=caseRef')}`,
);

describe(`zeebe-node 8.3 against the gateway (${testDatabaseKind})`, { timeout: 60_000 }, () => {
  let gateway: TestGateway;
  let zbc: ZBClient;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    gateway = await startTestGateway();
    zbc = new ZBClient(gateway.grpcAddress, { useTLS: false, loglevel: 'NONE', retry: false });
    await zbc.deployResource({ name: 'fees.bpmn', process: Buffer.from(fees) });
    await zbc.deployResource({ name: 'birth.bpmn', process: Buffer.from(birth) });
  }, 60_000);

  afterEach(async () => {
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await once(child, 'exit');
    child = undefined;
    await zbc.close(1000);
    await gateway.close();
  }, 60_000);

  const stateOf = async (key: string) =>
    (await restCall(gateway, 'GET', `/v2/process-instances/${key}`)).body.state;

  it('should let a worker written with zeebe-node alone complete the jobs of a process', async () => {
    // given
    child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./fixtures/plainWorker.mjs', import.meta.url))],
      {
        env: { ...process.env, ZEEBE_ADDRESS: gateway.grpcAddress },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await once(child.stdout!, 'data');

    // when
    const result = await zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'fees',
      variables: { fee: 100, stampDuty: 5 },
      requestTimeout: 20_000,
    });

    // then
    expect(result.variables).toEqual({
      fee: 100,
      stampDuty: 5,
      total: 105,
      handledBy: 'plain-worker',
    });
  });

  it('should run polling workers through fail with back-off, then correlate a message', async () => {
    // given
    let attempts = 0;
    zbc.createWorker({
      taskType: 'register-birth',
      taskHandler: (job) => {
        attempts += 1;
        return attempts === 1
          ? job.fail({ errorMessage: 'registry offline', retries: 2, retryBackOff: 200 })
          : job.complete({ certificate: 'BC-1' });
      },
    });
    const created = await zbc.createProcessInstance({
      bpmnProcessId: 'birth',
      variables: { caseRef: 'N-7' },
    });

    // when
    const waiting = await eventually(async () => {
      const found = await restCall(gateway, 'POST', '/v2/element-instances/search', {
        filter: { processInstanceKey: created.processInstanceKey, elementId: 'hospital' },
      });
      return (found.body.items as unknown[])[0];
    }, 10_000);
    await zbc.publishMessage({
      name: 'hospital-confirmed',
      correlationKey: 'N-7',
      variables: {},
      timeToLive: 0,
    });

    // then
    expect(waiting).toBeDefined();
    expect(attempts).toBe(2);
    await eventually(async () =>
      (await stateOf(created.processInstanceKey)) === 'COMPLETED' ? true : undefined,
    );
  });

  it('should route a thrown error to its boundary event', async () => {
    // given
    zbc.createWorker({
      taskType: 'register-birth',
      taskHandler: (job) => job.error('DUPLICATE', 'already registered'),
    });

    // when
    const result = await zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'birth',
      variables: { caseRef: 'N-8' },
      requestTimeout: 20_000,
    });

    // then
    expect(result.variables).toEqual({ caseRef: 'N-8' });
  });

  it('should add retries to a job and resolve its incident, then set variables and cancel', async () => {
    // given
    const created = await zbc.createProcessInstance({
      bpmnProcessId: 'fees',
      variables: { fee: 1 },
    });
    const [job] = (await zbc.activateJobs({
      type: 'add-fees',
      worker: 'test',
      timeout: 30_000,
      maxJobsToActivate: 1,
      requestTimeout: 5000,
    })) as { key: string }[];
    await zbc.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'broken', retryBackOff: 0 });
    const incident = await eventually(async () => {
      const found = await restCall(gateway, 'POST', '/v2/incidents/search', {
        filter: { processInstanceKey: created.processInstanceKey },
      });
      return (found.body.items as { incidentKey: string }[])[0];
    });

    // when
    await zbc.updateJobRetries({ jobKey: job!.key, retries: 3 });
    await zbc.resolveIncident({ incidentKey: incident.incidentKey });
    await zbc.setVariables({
      elementInstanceKey: created.processInstanceKey,
      variables: { stampDuty: 2 },
      local: false,
    });
    const [again] = (await zbc.activateJobs({
      type: 'add-fees',
      worker: 'test',
      timeout: 30_000,
      maxJobsToActivate: 1,
      requestTimeout: 5000,
    })) as { key: string; retries: number; variables: Record<string, unknown> }[];
    await zbc.cancelProcessInstance(created.processInstanceKey);

    // then
    expect(again).toMatchObject({ key: job!.key, retries: 3, variables: { fee: 1, stampDuty: 2 } });
    expect(await stateOf(created.processInstanceKey)).toBe('TERMINATED');
  });

  it('should show the topology and broadcast a signal', async () => {
    // when
    const topology = await zbc.topology();
    const signal = await zbc.broadcastSignal({ signalName: 'storm', variables: {} });

    // then
    expect(topology.brokers[0]?.partitions[0]?.role).toBe('LEADER');
    expect(signal.key).toBeTruthy();
  });
});
