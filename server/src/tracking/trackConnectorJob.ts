import type { JobLike, JobOutcome } from '@balcao/connectors';
import type { Tracker } from './Tracker';

/**
 * A connector job that completed adds its milestone to the application's timeline. Steps
 * the citizen owes (`balcao:owed`, e.g. a payment request) stay open until the next step.
 */
export function trackConnectorJob(tracker: Tracker) {
  return async (job: JobLike, outcome: JobOutcome): Promise<void> => {
    if (outcome.kind !== 'complete') return;
    // A payment request hands the citizen a page to pay on: they owe it until the next step.
    const actionUrl = payUrlIn(outcome.variables);
    const owed = actionUrl !== undefined || typeof job.customHeaders['balcao:owed'] === 'string';
    const now = new Date();
    await tracker.recordStep(job.variables.caseRef, {
      sourceKey: `job:${job.key}`,
      elementId: job.elementId,
      headers: job.customHeaders,
      owedByCitizen: owed,
      startedAt: now,
      completedAt: owed ? undefined : now,
      actionUrl,
    });
  };
}

function payUrlIn(variables: Record<string, unknown>): string | undefined {
  for (const value of Object.values(variables)) {
    const url = (value as { payUrl?: unknown } | null)?.payUrl;
    if (typeof url === 'string') return url;
  }
  return undefined;
}
