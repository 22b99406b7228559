import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger } from '@balcao/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEndpointsFromStandIns } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { MemoryInAppNoticeSink } from './InAppNoticeSink';
import { notifyConnector } from './notifyConnector';

let agencies: RunningAgencies;
let deps: JobDeps;

beforeAll(async () => {
  agencies = await startAgencies({ port: 0, faultSeed: 1 });
  deps = {
    secrets: {},
    agencies: agencyEndpointsFromStandIns(agencies),
    log: createLogger({ level: 'silent', format: 'json' }),
    defaultTimeoutMs: 2_000,
    defaultRetryBackoffMs: 1_000,
    defaultRetries: 3,
  };
});
afterAll(() => agencies.close());

const notice = {
  account: 'P0001',
  senderAgency: 'DSI',
  template: 'payment-requested@1',
  language: 'pt',
  personalisation: { amount: 'MOP 60' },
  caseRef: 'CASE-N-1',
};

function job(key: string, variables: Record<string, unknown>, retries = 3): JobLike {
  return {
    key,
    type: 'balcao:notify:1',
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'notify',
    retries,
    variables,
    customHeaders: { resultVariable: 'notice' },
  };
}

async function effects(key: string): Promise<number> {
  const response = await fetch(
    `${agencies.urls.notification}/effects?idempotencyKey=${encodeURIComponent(key)}`,
    {
      headers: { 'x-api-key': agencies.apiKeys.notification },
    },
  );
  return ((await response.json()) as { effects: number }).effects;
}

describe('notifyConnector', () => {
  it('should notify in-app always and by e-mail and SMS with their delivery status', async () => {
    // given
    const inApp = new MemoryInAppNoticeSink();

    // when
    const outcome = await handleJob(
      job('n-1', { ...notice, email: 'ana@bounce.example', phone: '+85366123456' }),
      notifyConnector({ inApp }),
      deps,
    );

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: {
        notice: {
          inApp: { id: 'INAPP-1' },
          email: { status: 'permanent-failure' },
          sms: { status: 'delivered' },
        },
      },
    });
    expect(inApp.notices).toEqual([
      expect.objectContaining({
        account: 'P0001',
        template: 'payment-requested@1',
        language: 'pt',
      }),
    ]);
  });

  it('should send each channel once when the same job is delivered twice', async () => {
    // given
    const inApp = new MemoryInAppNoticeSink();
    const connector = notifyConnector({ inApp });

    // when
    await handleJob(job('n-2', { ...notice, phone: '+85366123456' }), connector, deps);
    await handleJob(job('n-2', { ...notice, phone: '+85366123456' }), connector, deps);

    // then
    expect(await effects('n-2:sms')).toBe(1);
    expect(inApp.notices).toHaveLength(1);
  });

  it('should raise an incident naming the field for a template without a version', async () => {
    // when
    const outcome = await handleJob(
      job('n-3', { ...notice, template: 'payment-requested' }),
      notifyConnector({ inApp: new MemoryInAppNoticeSink() }),
      deps,
    );

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.errorMessage).toContain(
      'template: template must be id@version',
    );
  });

  it('should retry when the gateway fails and time out when it hangs', async () => {
    // given
    const connector = notifyConnector({ inApp: new MemoryInAppNoticeSink() });
    agencies.faults.set('notification', { errorRate: 1 });
    const failed = await handleJob(
      job('n-4', { ...notice, phone: '+85366123456' }),
      connector,
      deps,
    );
    agencies.faults.set('notification', { timeoutRate: 1 });

    // when
    const hung = await handleJob(
      { ...job('n-4', { ...notice, phone: '+85366123456' }, 2), customHeaders: { timeout: 100 } },
      connector,
      deps,
    );
    agencies.faults.clear();

    // then
    expect(failed).toMatchObject({ kind: 'fail', code: 'CONNECTOR_UNAVAILABLE', retries: 2 });
    expect(hung).toMatchObject({ kind: 'fail', code: 'CONNECTOR_TIMEOUT', retries: 1 });
    expect(await effects('n-4:sms')).toBe(0);
  });
});
