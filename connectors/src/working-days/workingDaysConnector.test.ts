import { createLogger } from '@balcao/platform';
import { describe, expect, it } from 'vitest';
import { handleJob, type JobDeps, type JobLike } from '../runtime/handleJob';
import { macaoHolidays } from './HolidayCalendar';
import { workingDaysConnector } from './workingDaysConnector';

const deps: JobDeps = {
  secrets: {},
  agencies: {} as JobDeps['agencies'],
  log: createLogger({ level: 'silent', format: 'json' }),
  defaultTimeoutMs: 2_000,
  defaultRetryBackoffMs: 1_000,
  defaultRetries: 3,
};

const connector = workingDaysConnector({
  holidays: macaoHolidays(),
  now: () => new Date('2026-05-04T09:00:00+08:00'),
});

function job(variables: Record<string, unknown>): JobLike {
  return {
    key: '1',
    type: connector.type,
    processInstanceKey: '1',
    bpmnProcessId: 'p',
    elementId: 'deadline',
    retries: 3,
    variables,
    customHeaders: { resultVariable: 'deadline' },
  };
}

describe('workingDaysConnector', () => {
  it('should skip the weekend and the Lunar New Year holidays after a Friday request', async () => {
    // when 10 working days are counted from Friday 13 February 2026 (17-19 are holidays)
    const outcome = await handleJob(
      job({ workingDays: 10, from: '2026-02-13T16:30:00+08:00' }),
      connector,
      deps,
    );

    // then
    expect(outcome).toMatchObject({
      kind: 'complete',
      variables: { deadline: { dueDate: '2026-03-04', dueAt: '2026-03-04T23:59:59+08:00' } },
    });
  });

  it('should count in Macao days and from now when no start is given', async () => {
    // when: 23:30 UTC on 30 April is already Friday 1 May (Labour Day) in Macao
    const late = await handleJob(
      job({ workingDays: 1, from: '2026-04-30T23:30:00Z' }),
      connector,
      deps,
    );
    const fromNow = await handleJob(job({ workingDays: 1, from: null }), connector, deps);

    // then
    expect(late).toMatchObject({ variables: { deadline: { dueDate: '2026-05-04' } } });
    expect(fromNow).toMatchObject({ variables: { deadline: { dueDate: '2026-05-05' } } });
  });

  it('should stop with an incident, not a guess, when a year has no holidays loaded', async () => {
    // when
    const outcome = await handleJob(
      job({ workingDays: 10, from: '2027-12-24T10:00:00+08:00' }),
      connector,
      deps,
    );

    // then
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect(outcome.kind === 'fail' && outcome.errorMessage).toContain(
      'No Macao public holidays are loaded for 2028',
    );
  });
});
