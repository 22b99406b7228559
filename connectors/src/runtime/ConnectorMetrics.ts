/** The outcome of one job, as counted per connector. */
export const JobResult = {
  Completed: 'completed',
  BpmnError: 'bpmn_error',
  Retried: 'retried',
  Incident: 'incident',
} as const;

export type JobResult = (typeof JobResult)[keyof typeof JobResult];

/** Upper bounds (ms) of the duration histogram; the last bucket is +Inf. */
export const durationBucketsMs = [10, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

export interface ConnectorMetricsSnapshot {
  [connectorType: string]: {
    jobs: Record<JobResult, number>;
    /** Cumulative counts per bucket (Prometheus style), `+Inf` last. */
    durationMs: { buckets: Record<string, number>; sum: number; count: number };
  };
}

/**
 * Counters and a duration histogram per connector, kept in memory. `snapshot()` has the shape
 * a Prometheus exporter needs (cumulative buckets, sum, count), so the server can expose it.
 */
export class ConnectorMetrics {
  private readonly byType = new Map<string, ConnectorMetricsSnapshot[string]>();

  record(connectorType: string, result: JobResult, durationMs: number): void {
    const entry = this.entry(connectorType);
    entry.jobs[result] += 1;
    entry.durationMs.sum += durationMs;
    entry.durationMs.count += 1;
    for (const bound of durationBucketsMs) {
      if (durationMs <= bound) entry.durationMs.buckets[String(bound)]! += 1;
    }
    entry.durationMs.buckets['+Inf']! += 1;
  }

  snapshot(): ConnectorMetricsSnapshot {
    return structuredClone(Object.fromEntries(this.byType));
  }

  private entry(connectorType: string): ConnectorMetricsSnapshot[string] {
    let entry = this.byType.get(connectorType);
    if (!entry) {
      const buckets: Record<string, number> = { '+Inf': 0 };
      for (const bound of durationBucketsMs) buckets[String(bound)] = 0;
      entry = {
        jobs: { completed: 0, bpmn_error: 0, retried: 0, incident: 0 },
        durationMs: { buckets, sum: 0, count: 0 },
      };
      this.byType.set(connectorType, entry);
    }
    return entry;
  }
}
