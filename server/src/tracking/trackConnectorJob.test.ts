import { describe, expect, it } from 'vitest';
import type { JobLike } from '@balcao/connectors';
import type { MilestoneStep, Tracker } from './Tracker';
import { trackConnectorJob } from './trackConnectorJob';

describe('a connector job on the timeline', () => {
  const job = {
    key: '2251799813685414',
    elementId: 'notified',
    variables: { caseRef: '2026-DSAJ-000001' },
    customHeaders: { 'balcao:milestone:en': 'Birth notified' },
  } as unknown as JobLike;

  it('should date the step from when the worker received the job, before the steps it led to', async () => {
    // given: the job received on 5 January, completed (and the next task created) later
    const steps: MilestoneStep[] = [];
    const tracker = {
      recordStep: (_caseRef: unknown, step: MilestoneStep) => {
        steps.push(step);
        return Promise.resolve();
      },
    } as unknown as Tracker;
    const receivedAt = new Date('2026-01-05T10:00:00.000Z');

    // when
    await trackConnectorJob(tracker)(job, { kind: 'complete', variables: {} }, receivedAt);

    // then
    expect(steps).toHaveLength(1);
    expect(steps[0]!.startedAt).toEqual(receivedAt);
    expect(steps[0]!.completedAt!.getTime()).toBeGreaterThan(receivedAt.getTime());
  });
});
