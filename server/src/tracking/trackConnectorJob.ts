import type { JobLike, JobObserver } from '@balcao/connectors';
import type { Tracker } from './Tracker';

/**
 * A connector job that completed adds its milestone to the application's timeline, dated from
 * when the worker received it (the steps it led to are older than its completion). Steps the
 * citizen owes (`balcao:owed`, e.g. a payment request) stay open until the next step.
 */
export function trackConnectorJob(tracker: Tracker): JobObserver {
  return async (job, outcome, receivedAt) => {
    if (outcome.kind !== 'complete') return;
    // A payment request hands the citizen a page to pay on: they owe it until the next step.
    const actionUrl = payUrlIn(outcome.variables);
    const owed = actionUrl !== undefined || typeof job.customHeaders['balcao:owed'] === 'string';
    const now = new Date();
    await tracker.recordStep(job.variables.caseRef, {
      sourceKey: `job:${job.key}`,
      elementId: job.elementId,
      headers: withAgencyFromVariable(job),
      owedByCitizen: owed,
      startedAt: receivedAt,
      completedAt: owed ? undefined : now,
      actionUrl,
    });
  };
}

/**
 * A shared block's step belongs to an agency only known at run time (the receiver of a
 * letter): header `balcao:agencyVariable` names the job variable that holds it.
 */
function withAgencyFromVariable(job: JobLike): Readonly<Record<string, unknown>> {
  const name = job.customHeaders['balcao:agencyVariable'];
  const agency = typeof name === 'string' ? job.variables[name] : undefined;
  return typeof agency === 'string' && agency !== ''
    ? { ...job.customHeaders, 'balcao:agency': agency }
    : job.customHeaders;
}

function payUrlIn(variables: Record<string, unknown>): string | undefined {
  for (const value of Object.values(variables)) {
    const url = (value as { payUrl?: unknown } | null)?.payUrl;
    if (typeof url === 'string') return url;
  }
  return undefined;
}
