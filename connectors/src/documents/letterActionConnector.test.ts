import { startAgencies, type RunningAgencies } from '@balcao/agencies';
import { createLogger } from '@balcao/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyEndpointsFromStandIns } from '../runtime/AgencyEndpoints';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { exchangeDocumentConnector } from './exchangeDocumentConnector';
import { letterActionConnector } from './letterActionConnector';

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

function job(key: string, type: string, variables: Record<string, unknown>): JobLike {
  return {
    key,
    type,
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'task',
    retries: 3,
    variables,
    customHeaders: { resultVariable: 'letter' },
  };
}

async function deliveredLetter(key: string): Promise<string> {
  const sent = await handleJob(
    job(key, exchangeDocumentConnector.type, {
      senderDepartment: 'DSAJ',
      receiverDepartment: 'SAFP',
      fileReference: 'DSAJ/2026/9',
      number: `${key}/DSAJ/2026`,
      date: '2026-11-28',
      signer: 'Director',
      subject: 'Request for an opinion',
    }),
    exchangeDocumentConnector,
    deps,
  );
  if (sent.kind !== 'complete') throw new Error(JSON.stringify(sent));
  return (sent.variables.letter as { letterId: string }).letterId;
}

describe('letterActionConnector', () => {
  it('should register, assign and reply to a delivered letter as the receiver', async () => {
    // given
    const letterId = await deliveredLetter('a-1');
    const act = (key: string, input: Record<string, unknown>) =>
      handleJob(
        job(key, letterActionConnector.type, { letterId, actingDepartment: 'SAFP', ...input }),
        letterActionConnector,
        deps,
      );

    // when
    const registered = await act('a-1:r', { action: 'register' });
    const assigned = await act('a-1:a', { action: 'assign', assignee: 'clerk-safp-3' });
    const replied = await act('a-1:p', { action: 'reply', note: 'Opinion attached' });

    // then
    expect(registered).toMatchObject({
      kind: 'complete',
      variables: {
        letter: { status: 'REGISTERED', registrationNumber: expect.stringMatching(/^SAFP-/) },
      },
    });
    expect(assigned).toMatchObject({
      variables: { letter: { status: 'ASSIGNED', assignee: 'clerk-safp-3' } },
    });
    expect(replied).toMatchObject({ variables: { letter: { status: 'REPLIED' } } });
  });

  it('should act once when a job is delivered twice, and refuse the sender acting as receiver', async () => {
    // given
    const letterId = await deliveredLetter('a-2');
    const register = (key: string, actingDepartment: string) =>
      handleJob(
        job(key, letterActionConnector.type, { letterId, action: 'register', actingDepartment }),
        letterActionConnector,
        deps,
      );

    // when
    const wrongParty = await register('a-2:x', 'DSAJ');
    const first = await register('a-2:r', 'SAFP');
    const again = await register('a-2:r', 'SAFP');

    // then
    expect(wrongParty).toMatchObject({ kind: 'fail', retries: 0 });
    expect(wrongParty.kind === 'fail' && wrongParty.errorMessage).toContain('(403)');
    expect(first).toEqual(again);
  });
});
